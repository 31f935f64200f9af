package io.github.wuproxy.sim;

import java.util.Map;

/**
 * Reads the commonest timeline lines without a JSON tree: {@code {"t":N,"scan":{}}},
 * {@code {"t":N,"network":"NAME"}} and {@code {"t":N,"network":null}}, written without spaces, and
 * a user's proxy or snapshot line the full parser has read before but for its {@code t}. Any other line, or any
 * deviation, returns null and goes through the full parser, which also gives the error messages.
 */
final class FastLines {
    private static final String T = "{\"t\":";
    private static final String SCAN = ",\"scan\":{}}";
    private static final String OFFLINE = ",\"network\":null}";
    private static final String NAMED = ",\"network\":\"";

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

    /**
     * The line as an event, or null. {@code repeated} holds the events of other kinds read by the full
     * parser from lines of this form, by the text after the number: a line that differs only in
     * {@code t} is the same event then (the user's proxy of a fleet's days, a snapshot written out
     * again and again).
     */
    static TimelineEvent event(String line, int number, Map<String, TimelineEvent.Network> defined, Map<String, TimelineEvent> repeated) {
        int i = afterTime(line);
        if (i < 0) {
            return null;
        }
        double t = time(line, i);
        if (!(t <= Timeline.MAX_SECONDS)) {
            return null;
        }
        int length = line.length() - i;
        if (length == SCAN.length() && line.startsWith(SCAN, i)) {
            return new TimelineEvent.Scan(t, number);
        }
        if (length == OFFLINE.length() && line.startsWith(OFFLINE, i)) {
            return new TimelineEvent.Network(t, number, null);
        }
        if (line.startsWith(NAMED, i) && line.endsWith("\"}") && length > NAMED.length() + 2) {
            String name = line.substring(i + NAMED.length(), line.length() - 2);
            TimelineEvent.Network named = plain(name) ? defined.get(name) : null;
            return named == null ? null : named.at(t, number);
        }
        TimelineEvent seen = repeated.isEmpty() ? null : repeated.get(line.substring(i));
        if (seen instanceof TimelineEvent.UserProxy u) {
            return new TimelineEvent.UserProxy(t, number, u.settings());
        }
        return seen instanceof TimelineEvent.Network n ? n.at(t, number) : null;
    }

    /**
     * After the full parser read {@code line} as {@code event}: keeps a user's proxy line or a network
     * snapshot written out, whatever its {@code t}, for {@link #event}. A snapshot met again is then the
     * same object, as a named one is.
     */
    static void remember(String line, TimelineEvent event, Map<String, TimelineEvent> repeated) {
        int i = afterTime(line);
        boolean kept = event instanceof TimelineEvent.UserProxy || event instanceof TimelineEvent.Network;
        // Not a line that names t again: JSON's last key would win there, and the event would not follow this t.
        if (i >= 0 && kept && !line.substring(i).contains("\"t\"") && repeated.size() < 1024) {
            repeated.put(line.substring(i), event);
        }
    }

    /** Where the number ends in a line that starts {@code {"t":NUMBER} and ends with a brace, or -1. */
    private static int afterTime(String line) {
        if (!line.startsWith(T) || line.charAt(line.length() - 1) != '}') {
            return -1;
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
            return -1;
        }
        return i;
    }

    /** The number before {@code end}: whole numbers of up to nine digits without a parser. */
    private static double time(String line, int end) {
        int digits = T.length();
        if (end - digits < 10) {
            long value = 0;
            for (int i = digits; i < end; i++) {
                char c = line.charAt(i);
                if (c == '.') {
                    return Double.parseDouble(line.substring(digits, end));
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
        return Double.parseDouble(line.substring(digits, end));
    }
}
