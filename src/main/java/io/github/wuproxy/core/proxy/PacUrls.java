package io.github.wuproxy.core.proxy;

/** PAC URLs may carry tokens in a query string or user info; they are shown and logged without them. */
public final class PacUrls {
    private PacUrls() {}

    /** The last URL made safe, with its safe form: the same few URLs are shown at every round. */
    private record Known(String url, String safe) {}

    private static Known last = new Known("", "");

    public static String safe(String url) {
        Known known = last;
        if (!known.url.equals(url)) {
            known = new Known(url, Secrets.redact(url));
            last = known;
        }
        return known.safe;
    }
}
