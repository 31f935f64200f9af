package io.github.wuproxy.port;

/** The state folder could not be read or written (full disk, permissions, corrupt file). */
public final class StateException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
