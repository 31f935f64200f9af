package io.github.wuproxy.cli;

/** The CLI's exit codes, as the README documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int WINDOWS_REFUSED = 3;

    private ExitCodes() {}
}
