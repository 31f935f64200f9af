package io.github.wuproxy.sim;

import java.util.Map;

/**
 * Reads the commonest timeline lines without a JSON tree: {@code {"t":N,"scan":{}}},
 * {@code {"t":N,"network":"NAME"}} and {@code {"t":N,"network":null}}, written without spaces. Any
 * other line, or any deviation, returns null and goes through the full parser, which also gives the
 * error messages.
 */
final class FastLines {
    private static final String T = "{\"t\":";

    private FastLines() {}

    /** A name JSON holds as it is written: no quote, backslash or control character. */
    private static boolean plain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    static TimelineEvent event(String line, int number, Map<String, TimelineEvent.Network> defined) {
        if (!line.startsWith(T) || line.charAt(line.length() - 1) != '}') {
            return null;
        }
        int i = T.length();
        int digits = i;
        boolean dot = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '.' && !dot && i > digits) {
                dot = true;
            } else if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        if (i == digits || line.charAt(i - 1) == '.' || (line.charAt(digits) == '0' && i > digits + 1 && line.charAt(digits + 1) != '.')) {
            return null;
        }
        double t = i - digits < 10 && !dot ? Long.parseLong(line, digits, i, 10) : Double.parseDouble(line.substring(digits, i));
        if (!Double.isFinite(t)) {
            return null;
        }
        String rest = line.substring(i);
        if (rest.equals(",\"scan\":{}}")) {
            return new TimelineEvent.Scan(t, number);
        }
        if (rest.equals(",\"network\":null}")) {
            return new TimelineEvent.Network(t, number, null);
        }
        if (rest.startsWith(",\"network\":\"") && rest.endsWith("\"}")) {
            String name = rest.substring(12, rest.length() - 2);
            TimelineEvent.Network named = plain(name) ? defined.get(name) : null;
            return named == null ? null : named.at(t, number);
        }
        return null;
    }
}
