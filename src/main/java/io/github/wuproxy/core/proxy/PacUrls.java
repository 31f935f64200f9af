package io.github.wuproxy.core.proxy;

/** PAC URLs may carry tokens in a query string or user info; they are shown and logged without them. */
public final class PacUrls {
    private PacUrls() {}

    public static String safe(String url) {
        return Secrets.redact(url);
    }
}
