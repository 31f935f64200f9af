package io.github.wuproxy.port;

/** A read or write of the proxy settings failed; {@link #reason()} says whether retrying can help. */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why a store call failed. */
    public enum Reason {
        /** Windows refused: not elevated, or policy. Retrying does not help. */
        DENIED,
        /** Failed this time; may work on a retry. */
        FAILED,
        /** Did not answer in time. */
        TIMEOUT
    }
}
