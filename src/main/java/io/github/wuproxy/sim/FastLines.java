package io.github.wuproxy.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the commonest timeline lines from their bytes, without a string or a JSON tree:
 * {@code {"t":N,"scan":{}}}, {@code {"t":N,"network":"NAME"}} and {@code {"t":N,"network":null}},
 * written without spaces in ASCII, and a user's proxy or snapshot line the full parser has read
 * before but for its {@code t}. Any other line, or any deviation, returns null and goes through the
 * full parser, which also gives the error messages.
 */
final class FastLines {
    private static final byte[] T = ascii("{\"t\":");
    private static final byte[] SCAN = ascii(",\"scan\":{}}");
    private static final byte[] OFFLINE = ascii(",\"network\":null}");
    private static final byte[] NAMED = ascii(",\"network\":\"");

    private FastLines() {}

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The line {@code line[from, to)} as an event, or null. {@code repeated} holds the events of other
     * kinds read by the full parser from lines of this form, by the text after the number: a line
     * that differs only in {@code t} is the same event then (the user's proxy of a fleet's days, a
     * snapshot written out again and again).
     */
    static TimelineEvent event(byte[] line, int from, int to, int number, Map<String, TimelineEvent.Network> defined,
            Map<String, TimelineEvent> repeated) {
        int i = afterTime(line, from, to);
        if (i < 0) {
            return null;
        }
        double t = time(line, from + T.length, i);
        if (!(t <= Timeline.MAX_SECONDS)) {
            return null;
        }
        int length = to - i;
        if (length == SCAN.length && startsWith(line, i, SCAN)) {
            return new TimelineEvent.Scan(t, number);
        }
        if (length == OFFLINE.length && startsWith(line, i, OFFLINE)) {
            return new TimelineEvent.Network(t, number, null);
        }
        if (length > NAMED.length + 2 && startsWith(line, i, NAMED) && line[to - 2] == '"') {
            int name = i + NAMED.length;
            TimelineEvent.Network named = plain(line, name, to - 2) ? defined.get(latin1(line, name, to - 2)) : null;
            return named == null ? null : named.at(t, number);
        }
        if (repeated.isEmpty() || !plainAscii(line, i, to)) {
            return null;
        }
        TimelineEvent seen = repeated.get(latin1(line, i, to));
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
        if (!(event instanceof TimelineEvent.UserProxy || event instanceof TimelineEvent.Network) || repeated.size() >= 1024) {
            return;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int i = afterTime(bytes, 0, bytes.length);
        // Not a line that names t again, or may (an escaped key): JSON's last key would win there, and the event would not follow this t.
        if (i >= 0 && plainAscii(bytes, i, bytes.length) && !line.substring(i).contains("\"t\"") && line.indexOf('\\', i) < 0) {
            repeated.put(latin1(bytes, i, bytes.length), event);
        }
    }

    private static boolean startsWith(byte[] line, int at, byte[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            if (line[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** A name JSON holds as it is written: ASCII, without a quote, backslash or control character. */
    private static boolean plain(byte[] line, int from, int to) {
        for (int k = from; k < to; k++) {
            byte b = line[k];
            if (b == '"' || b == '\\' || b < 0x20) { // bytes of 0x80 and up are negative
                return false;
            }
        }
        return true;
    }

    /** ASCII without control characters: the same text whether read as UTF-8 or byte for byte. */
    private static boolean plainAscii(byte[] line, int from, int to) {
        for (int k = from; k < to; k++) {
            if (line[k] < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static String latin1(byte[] line, int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Where the number ends in a line that starts {@code {"t":NUMBER,} and ends with a brace, or -1 (an exponent is not read here). */
    private static int afterTime(byte[] line, int from, int to) {
        if (to - from <= T.length || !startsWith(line, from, T) || line[to - 1] != '}') {
            return -1;
        }
        int digits = from + T.length;
        int i = digits;
        boolean dot = false;
        while (i < to) {
            byte c = line[i];
            if (c == '.' && !dot && i > digits) {
                dot = true;
            } else if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        if (i == digits || line[i] != ',' || line[i - 1] == '.' || (line[digits] == '0' && i > digits + 1 && line[digits + 1] != '.')) {
            return -1;
        }
        return i;
    }

    /** The number in {@code line[from, to)}: whole numbers of up to nine digits without a parser. */
    private static double time(byte[] line, int from, int to) {
        if (to - from < 10) {
            long value = 0;
            for (int i = from; i < to; i++) {
                byte c = line[i];
                if (c == '.') {
                    return Double.parseDouble(latin1(line, from, to));
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
        return Double.parseDouble(latin1(line, from, to));
    }
}
