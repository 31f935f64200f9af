package io.github.wuproxy.sim;

/** A timeline line that cannot be replayed; the message starts with {@code file:line:}. */
public final class TimelineException extends Exception {
    private static final long serialVersionUID = 1L;

    public TimelineException(String message) {
        super(message);
    }
}
