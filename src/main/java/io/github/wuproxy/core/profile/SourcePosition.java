package io.github.wuproxy.core.profile;

/** Where a profile or rule was written: file and line, for messages. Line 0 when unknown. */
public record SourcePosition(String file, int line) {
    public static final SourcePosition UNKNOWN = new SourcePosition("", 0);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
