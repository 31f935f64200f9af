package io.github.wuproxy.core.proxy;

/** A proxy or bypass string that WinHTTP would not take; the message names the bad part. */
public final class InvalidProxyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidProxyException(String message) {
        super(message);
    }
}
