package io.github.wuproxy.core.proxy;

import java.util.regex.Pattern;

/** Removes what must never reach a log, a report or a help desk: URL credentials and query strings. */
public final class Secrets {
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@]+@");
    private static final Pattern BARE_USER_INFO = Pattern.compile("(^|[\\s=;,\"'])[^\\s/@:;,\"'=]+:[^\\s/@;,\"']+@(?=[A-Za-z0-9\\[])");
    private static final Pattern QUERY = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s?#\"']*)\\?[^\\s#\"']*");

    private Secrets() {}

    /** "http://alice:pw@proxy:8080/x.pac?token=1" becomes "http://***@proxy:8080/x.pac?...". */
    public static String redact(String text) {
        String out = QUERY.matcher(text).replaceAll("$1?...");
        out = USER_INFO.matcher(out).replaceAll("$1***@");
        return BARE_USER_INFO.matcher(out).replaceAll("$1***@");
    }
}
