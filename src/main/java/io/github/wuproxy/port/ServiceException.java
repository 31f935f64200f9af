package io.github.wuproxy.port;

/** The service could not be queried or restarted. */
public final class ServiceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean denied;

    public ServiceException(String message, boolean denied) {
        super(message);
        this.denied = denied;
    }

    public boolean denied() {
        return denied;
    }
}
