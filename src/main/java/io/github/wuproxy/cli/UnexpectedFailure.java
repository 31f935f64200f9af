package io.github.wuproxy.cli;

/** A bug, not a user mistake: one line that says so and where the details went, no stack trace on screen. */
public final class UnexpectedFailure {
    private UnexpectedFailure() {}

    public static int report(String command, Exception e, java.io.PrintWriter err) {
        org.slf4j.LoggerFactory.getLogger(UnexpectedFailure.class).error("unexpected failure in {}", command, e);
        err.println(Texts.get("unexpected", command, e));
        return ExitCodes.FAILURE;
    }
}
