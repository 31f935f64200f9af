package io.github.wuproxy.core.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Removes what must never reach a log, a report or a help desk: the user info of URLs and proxy
 * entries ({@code user:password@}) and query strings. A password may hold any character but white
 * space and quotes, {@code @ / : % ? #} included, %-encoded or not: everything up to the last
 * {@code @} of a word that a host follows is user info.
 */
public final class Secrets {
    private static final String HIDDEN = "***";
    private static final java.util.Set<String> SCHEMES = java.util.Set.of("http", "https", "socks", "socks4", "socks4a", "socks5",
            "socks5h", "ftp", "ws", "wss", "file");

    private Secrets() {}

    /** A hex dump of a stored blob within text. */
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])(?:[0-9a-fA-F]{2}){8,}(?![0-9A-Za-z])");

    /**
     * "http://alice:p@ss/w@proxy:8080/x.pac?token=1" becomes "http://***@proxy:8080/x.pac?..."; hex
     * dumps of stored values in the text are masked as {@link #redactHex} does.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        text = HEX.matcher(text).replaceAll(hex -> redactHex(hex.group()));
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int[] span : spans(text)) {
            out.append(text, last, span[0]).append(span[2] == 0 ? HIDDEN : "...");
            last = span[1];
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * A hex dump of a stored value (a WinHTTP or BITS settings blob) with every character of user
     * info and query strings in it replaced by {@code *}: lengths stay, so it still decodes.
     */
    public static String redactHex(String hex) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return hex;
        }
        mask(bytes, new String(bytes, StandardCharsets.ISO_8859_1), 0, 1);
        mask(bytes, utf16(bytes, 0), 0, 2);
        mask(bytes, utf16(bytes, 1), 1, 2);
        return HexFormat.of().formatHex(bytes);
    }

    /** The bytes from {@code from} on, two at a time, as UTF-16LE where the high byte is 0 (else a NUL). */
    private static String utf16(byte[] bytes, int from) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i + 1 < bytes.length; i += 2) {
            s.append(bytes[i + 1] == 0 ? (char) (bytes[i] & 0xff) : '\u0000');
        }
        return s.toString();
    }

    private static void mask(byte[] bytes, String text, int from, int step) {
        for (int[] span : spans(text)) {
            for (int i = span[0]; i < span[1]; i++) {
                bytes[from + i * step] = '*';
            }
        }
    }

    /** [start, end, 0 for user info | 1 for a query] of what to hide, in order. */
    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && separator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !separator(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                word(text, start, i, spans);
            }
        }
        return spans;
    }

    private static boolean separator(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || Character.isISOControl(c);
    }

    private static void word(String text, int from, int to, List<int[]> spans) {
        String word = text.substring(from, to);
        String lower = word.toLowerCase(Locale.ROOT);
        int scheme = word.indexOf("://");
        int encodedScheme = lower.indexOf("%3a%2f%2f");
        int at = lastAtBeforeAHost(word, "@");
        int atLength = 1;
        if (at < 0 && encodedScheme >= 0) {
            at = lastAtBeforeAHost(lower, "%40");
            atLength = 3;
        }
        int hostStart = 0;
        if (at > 0) {
            int equals = word.indexOf('=');
            int colon = word.indexOf(':');
            int bare = equals >= 0 && equals < at && (colon < 0 || equals < colon) ? equals + 1 : 0;
            // the first of scheme://, its %-encoded form, and "scheme=" or nothing, that leaves some user info before the '@'
            int userStart = -1;
            if (scheme >= 0 && scheme + 3 < at && (isScheme(word, bare, scheme) || isScheme(word, 0, scheme))) {
                userStart = scheme + 3;
            } else if (encodedScheme >= 0 && encodedScheme + 9 < at && (isScheme(word, bare, encodedScheme) || isScheme(word, 0, encodedScheme))) {
                userStart = encodedScheme + 9;
            } else if (word.indexOf(':', bare) >= 0 && word.indexOf(':', bare) < at) {
                userStart = bare; // a "://" after it is inside the password; no ':' at all is an e-mail address
            }
            if (userStart >= 0 && userStart < at) {
                spans.add(new int[] {from + userStart, from + at, 0});
                hostStart = at + atLength;
            }
        } else if (scheme >= 0) {
            hostStart = scheme + 3;
        }
        if (scheme >= 0 || hostStart > 0) {
            int query = word.indexOf('?', Math.max(hostStart, scheme >= 0 ? scheme + 3 : 0));
            if (scheme >= 0 && query >= 0) {
                int end = word.indexOf('#', query);
                spans.add(new int[] {from + query + 1, from + (end < 0 ? word.length() : end), 1});
            }
        }
    }

    /** The last {@code at} sign in {@code word} that a host name or address follows, or -1. */
    private static int lastAtBeforeAHost(String word, String at) {
        for (int i = word.lastIndexOf(at); i >= 0; i = i == 0 ? -1 : word.lastIndexOf(at, i - 1)) {
            if (i + at.length() < word.length() && hostChar(word.charAt(i + at.length()))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the word holds just the name of a scheme a proxy or PAC URL uses from {@code start} to
     * {@code end}: in "http=alice:///@proxy" the user name is not a scheme, so the user info starts earlier.
     */
    private static boolean isScheme(String word, int start, int end) {
        return end >= start && SCHEMES.contains(word.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private static boolean hostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '[' || c == '%';
    }
}
