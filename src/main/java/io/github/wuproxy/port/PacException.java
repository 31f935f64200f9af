package io.github.wuproxy.port;

/** A PAC script or WPAD gave no usable answer: not found, not downloadable, broken, or too slow. */
public final class PacException extends Exception {
    private static final long serialVersionUID = 1L;

    public PacException(String message) {
        super(message, null, false, false); // an answer told by its message: no stack trace (simulate makes thousands)
    }
}
