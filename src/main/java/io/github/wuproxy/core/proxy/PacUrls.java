package io.github.wuproxy.core.proxy;

/** PAC URLs may carry tokens in a query string or user info; they are shown and logged without them. */
public final class PacUrls {
    private PacUrls() {}

    public static String safe(String url) {
        String shown = url;
        int query = shown.indexOf('?');
        if (query >= 0) {
            shown = shown.substring(0, query) + "?...";
        }
        int scheme = shown.indexOf("://");
        int at = shown.indexOf('@');
        int path = shown.indexOf('/', scheme + 3);
        if (scheme >= 0 && at > scheme && (path < 0 || at < path)) {
            shown = shown.substring(0, scheme + 3) + "***@" + shown.substring(at + 1);
        }
        return shown;
    }
}
