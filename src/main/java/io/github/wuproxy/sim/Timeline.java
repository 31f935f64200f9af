package io.github.wuproxy.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.baseline.WindowsUpdateBaseline;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.proxy.ProxyEndpoint;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A day of network changes as JSON Lines: {@code {"t":SECONDS, EVENT:...}} per line, or a
 * {@code {"define":{NAME:SNAPSHOT}}}; blank lines and lines starting with {@code #} are ignored;
 * {@code t} never decreases.
 */
public final class Timeline {
    private static final Set<String> EVENTS = Set.of("network", "userProxy", "scan", "use", "sticky", "pause", "sleep",
            "resume", "foreignWrite", "fault", "scanFailed", "proxy", "expect", "windowsUpdate", "download", "nextScan");
    private static final Set<String> KEYS = union(EVENTS, Set.of("t"));
    static final double MAX_SECONDS = 100 * 366 * 24 * 3600.0; // a fleet of ten thousand laptop-days, one after another, fits
    private static final Set<String> EXPECT_KEYS = Set.of("profile", "proxy", "direct", "paused", "problem", "fits");

    private final String file;
    private final Map<String, TimelineEvent.Network> defined = new HashMap<>();
    private final Map<String, Integer> definedAt = new HashMap<>();
    private final Map<String, TimelineEvent> repeated = new HashMap<>();
    /** Strict: text that is not UTF-8 is an error, not replacement characters. */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    /** The previous event's t. */
    private double last;

    private Timeline(String file) {
        this.file = file;
    }

    public static List<TimelineEvent> parse(String file, String text) throws TimelineException {
        List<TimelineEvent> events = new ArrayList<>();
        parse(file, text, events::add);
        return events;
    }

    /** Hands each event to {@code each} as its line is read, in time order; the first bad line ends it with a TimelineException. */
    public static void parse(String file, String text, Consumer<TimelineEvent> each) throws TimelineException {
        try {
            parse(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), each);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from bytes in memory that are UTF-8
        }
    }

    /**
     * Reads UTF-8 JSON Lines from {@code in} as they come and hands each event to {@code each}, in time
     * order; the first bad line ends it with a TimelineException, and a line that is not UTF-8 with
     * {@link NotUtf8}.
     */
    public static void parse(String file, InputStream in, Consumer<TimelineEvent> each) throws IOException, TimelineException {
        new Timeline(file).read(in, each);
    }

    private void read(InputStream in, Consumer<TimelineEvent> each) throws IOException, TimelineException {
        byte[] buffer = new byte[1 << 16];
        int start = 0;
        int end = 0;
        int searched = 0;
        int number = 0;
        boolean ended = false;
        while (true) {
            int newline = searched;
            while (newline < end && buffer[newline] != '\n') {
                newline++;
            }
            if (newline < end) {
                line(buffer, start, newline, ++number, each);
                start = newline + 1;
                searched = start;
            } else if (ended) {
                line(buffer, start, end, ++number, each);
                return;
            } else {
                searched = end;
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    searched -= start;
                    start = 0;
                }
                if (end == buffer.length) { // a long line: grown only for a byte that is there, so a stream's limit stops it first
                    int next = in.read();
                    if (next < 0) {
                        ended = true;
                        continue;
                    }
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    buffer[end++] = (byte) next;
                    continue;
                }
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    ended = true;
                } else {
                    end += read;
                }
            }
        }
    }

    /** Line {@code number}, {@code bytes[from, to)} without its newline. */
    private void line(byte[] bytes, int from, int to, int number, Consumer<TimelineEvent> each) throws IOException, TimelineException {
        if (number == 1 && to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB && bytes[from + 2] == (byte) 0xBF) {
            from += 3; // the byte order mark Windows editors put before UTF-8 text
        }
        int begin = from;
        int finish = to;
        while (begin < finish && asciiSpace(bytes[begin])) {
            begin++;
        }
        while (finish > begin && asciiSpace(bytes[finish - 1])) {
            finish--;
        }
        if (begin == finish) {
            return;
        }
        try {
            TimelineEvent event = FastLines.event(bytes, begin, finish, number, defined, repeated);
            if (event == null) {
                String line = decoded(bytes, from, to, number).strip();
                if (line.indexOf('\r') >= 0) { // classic Mac line ends: the whole file is one line here, and one comment if it starts with one
                    throw new JsonFormatException("a carriage return (\\r) without a \\n inside the line: a timeline's lines end in \\n or \\r\\n;"
                            + " save it with Windows or Unix line ends");
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    return;
                }
                JsonNode node = Json.parse(line);
                if (node.has("define")) {
                    define(node, number);
                    return;
                }
                event = event(node, number);
                FastLines.remember(line, event, repeated);
            }
            if (event.t() < last) {
                throw new JsonFormatException("t = " + event.t() + " is before the previous line's t = " + last
                        + "; lines must be in time order");
            }
            last = event.t();
            each.accept(event);
        } catch (JsonFormatException e) {
            throw new TimelineException(file + ":" + number + ": " + e.getMessage());
        }
    }

    private String decoded(byte[] bytes, int from, int to, int number) throws NotUtf8 {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8(number);
        }
    }

    /** A timeline line that is not UTF-8 text (saved in another encoding, or not text at all). */
    public static final class NotUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final int line;

        NotUtf8(int line) {
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** What {@link String#strip} takes off for an ASCII character. */
    private static boolean asciiSpace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }

    /** {@code {"define":{"office":SNAPSHOT, ...}}}: names snapshots that later lines use as {@code "network":"office"}. */
    private void define(JsonNode node, int line) throws JsonFormatException {
        Json.object(node, "line");
        Json.onlyKeys(node, "", Set.of("define"));
        JsonNode names = Json.object(node.get("define"), "define");
        for (Map.Entry<String, JsonNode> entry : names.properties()) {
            String name = entry.getKey();
            if (name.isBlank()) {
                throw new JsonFormatException("a defined snapshot needs a name, found \"\"");
            }
            if (defined.containsKey(name)) {
                throw new JsonFormatException("snapshot \"" + name + "\" is already defined on line " + definedAt.get(name)
                        + "; give this one another name");
            }
            if (!entry.getValue().isObject()) {
                throw new JsonFormatException("`define." + name + "` must be a network snapshot {...}");
            }
            defined.put(name, network(entry.getValue(), 0, line));
            definedAt.put(name, line);
        }
    }

    private TimelineEvent event(JsonNode node, int line) throws JsonFormatException {
        Json.object(node, "line");
        Json.onlyKeys(node, "", KEYS);
        List<String> kinds = new ArrayList<>();
        node.properties().forEach(e -> {
            if (!e.getKey().equals("t") && !e.getKey().equals("sticky")) {
                kinds.add(e.getKey());
            }
        });
        if (kinds.size() != 1) {
            throw new JsonFormatException("each line needs exactly one event (one of network, userProxy, scan, download, scanFailed, proxy, "
                    + "use, pause, sleep, resume, foreignWrite, fault, expect, windowsUpdate, nextScan) or a define, found "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        }
        JsonNode time = node.get("t");
        if (time == null && kinds.get(0).equals("windowsUpdate")) {
            // A header line: from the start, or from where it stands.
            time = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(last);
        }
        if (time == null || !time.isNumber() || time.doubleValue() < 0 || !Double.isFinite(time.doubleValue())) {
            throw new JsonFormatException("`t` must be a number of seconds from the start, 0 or more");
        }
        if (time.doubleValue() > MAX_SECONDS) { // a simulation of longer would grind through years of drift checks
            throw new JsonFormatException("`t` is " + time.asText() + " seconds; a simulation covers at most a hundred years (" + (long) MAX_SECONDS + ")");
        }
        double t = time.doubleValue();
        JsonNode value = node.get(kinds.get(0));
        return switch (kinds.get(0)) {
            case "network" -> network(value, t, line);
            case "userProxy" -> new TimelineEvent.UserProxy(t, line, userProxy(value));
            case "scan" -> new TimelineEvent.Scan(t, line);
            case "download" -> {
                if (!value.isObject() || !value.isEmpty()) {
                    throw new JsonFormatException("`download` takes no settings: write {\"t\":SECONDS,\"download\":{}}");
                }
                yield new TimelineEvent.Download(t, line);
            }
            case "scanFailed" -> scanFailed(value, t, line);
            case "proxy" -> proxyAnswers(value, t, line);
            case "use" -> use(node, value, t, line);
            case "pause" -> new TimelineEvent.Pause(t, line, bool(value, "pause"));
            case "sleep" -> new TimelineEvent.Sleep(t, line);
            case "resume" -> new TimelineEvent.Resume(t, line);
            case "foreignWrite" -> new TimelineEvent.ForeignWrite(t, line, proxy(value, "foreignWrite"));
            case "expect" -> expect(value, t, line);
            case "windowsUpdate" -> windowsUpdate(value, t, line);
            case "nextScan" -> nextScan(value, t, line);
            default -> fault(value, t, line);
        };
    }

    /** A snapshot, a defined snapshot's name, or null for offline; {@code wpad} (what WPAD finds there) is read here. */
    private TimelineEvent.Network network(JsonNode value, double t, int line) throws JsonFormatException {
        if (value.isNull()) {
            return new TimelineEvent.Network(t, line, null);
        }
        if (value.isTextual()) {
            TimelineEvent.Network named = defined.get(value.textValue());
            if (named == null) {
                throw new JsonFormatException("no snapshot is defined as \"" + value.textValue() + "\""
                        + (defined.isEmpty() ? "; define it first: {\"define\":{\"" + value.textValue() + "\":SNAPSHOT}}"
                                : "; defined so far: " + String.join(", ", new java.util.TreeSet<>(defined.keySet()))));
            }
            return named.at(t, line);
        }
        Json.object(value, "network");
        JsonNode wpad = value.get("wpad");
        if (wpad == null) {
            return new TimelineEvent.Network(t, line, LocationJson.read(value));
        }
        ObjectNode snapshot = ((ObjectNode) value).deepCopy();
        snapshot.remove("wpad");
        return new TimelineEvent.Network(t, line, LocationJson.read(snapshot), wpad(wpad));
    }

    /** What WPAD finds: a proxy (host:port), "direct", or null when the network offers no WPAD script. */
    private static Optional<UpdateProxy> wpad(JsonNode value) throws JsonFormatException {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new JsonFormatException("`network.wpad` must be host:port, \"direct\" or null (no WPAD here)");
        }
        if (value.textValue().equalsIgnoreCase("direct")) {
            return Optional.of(UpdateProxy.direct());
        }
        try {
            return Optional.of(UpdateProxy.fixed(value.textValue(), "<local>"));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`network.wpad` must be host:port, \"direct\" or null: " + e.getMessage());
        }
    }

    private static TimelineEvent expect(JsonNode value, double t, int line) throws JsonFormatException {
        Json.object(value, "expect");
        Json.onlyKeys(value, "expect", EXPECT_KEYS);
        if (value.isEmpty()) {
            throw new JsonFormatException("`expect` needs at least one of " + String.join(", ", new java.util.TreeSet<>(EXPECT_KEYS)));
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            wanted.put(key, switch (key) {
                case "profile" -> Json.text(value, key, "expect.");
                case "proxy" -> expectedProxy(Json.text(value, key, "expect."));
                case "problem" -> v.isNull() ? null : problemCode(Json.text(value, key, "expect."));
                default -> String.valueOf(bool(v, "expect." + key));
            });
        }
        return new TimelineEvent.Expect(t, line, wanted);
    }

    private static String expectedProxy(String text) throws JsonFormatException {
        if (text.equalsIgnoreCase("direct")) {
            return "direct";
        }
        try {
            return UpdateProxy.fixed(text, "").server();
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`expect.proxy` must be host:port or direct: " + e.getMessage());
        }
    }

    private static String problemCode(String code) throws JsonFormatException {
        for (ProblemCode known : ProblemCode.values()) {
            if (known.id().equalsIgnoreCase(code)) {
                return known.id();
            }
        }
        throw new JsonFormatException("`expect.problem` must be a problem code (" + java.util.Arrays.stream(ProblemCode.values())
                .map(ProblemCode::id).collect(java.util.stream.Collectors.joining(", ")) + ") or null for none, found \"" + code + "\"");
    }

    /** {@code {"windowsUpdate":{"source":"wsus","userProxyFallback":true}}}: what the baseline scans against. */
    private static TimelineEvent windowsUpdate(JsonNode value, double t, int line) throws JsonFormatException {
        Json.object(value, "windowsUpdate");
        Json.onlyKeys(value, "windowsUpdate", Set.of("source", "userProxyFallback"));
        String source = Optional.ofNullable(Json.optionalText(value, "source", "windowsUpdate.")).orElse("microsoft");
        WindowsUpdateBaseline.Source parsed = switch (source) {
            case "microsoft" -> WindowsUpdateBaseline.Source.MICROSOFT;
            case "wsus" -> WindowsUpdateBaseline.Source.WSUS;
            default -> throw new JsonFormatException("`windowsUpdate.source` must be microsoft or wsus, found \"" + source + "\"");
        };
        JsonNode fallback = value.get("userProxyFallback");
        return new TimelineEvent.WindowsUpdate(t, line, parsed, fallback != null && bool(fallback, "windowsUpdate.userProxyFallback"));
    }

    /** {@code {"nextScan":{"in":SECONDS}}} from this line, {@code {"nextScan":{"at":SECONDS}}} from the start, or null: none scheduled. */
    private static TimelineEvent nextScan(JsonNode value, double t, int line) throws JsonFormatException {
        if (value.isNull()) {
            return new TimelineEvent.NextScan(t, line, java.util.OptionalDouble.empty());
        }
        Json.object(value, "nextScan");
        Json.onlyKeys(value, "nextScan", Set.of("in", "at"));
        if (value.size() != 1) {
            throw new JsonFormatException("`nextScan` needs one of `in` (seconds from this line) or `at` (seconds from the start), or null for none");
        }
        String key = value.has("in") ? "in" : "at";
        JsonNode seconds = value.get(key);
        if (!seconds.isNumber() || !Double.isFinite(seconds.doubleValue()) || seconds.doubleValue() < 0) {
            throw new JsonFormatException("`nextScan." + key + "` must be a number of seconds, 0 or more");
        }
        double at = key.equals("in") ? t + seconds.doubleValue() : seconds.doubleValue();
        if (at < t) {
            throw new JsonFormatException("`nextScan.at` is " + seconds.asText() + ", before this line's t = " + t
                    + "; a scheduled scan lies ahead (use `in` for seconds from now)");
        }
        if (at > MAX_SECONDS) {
            throw new JsonFormatException("`nextScan` falls at " + at + " seconds; a simulation covers at most a hundred years (" + (long) MAX_SECONDS + ")");
        }
        return new TimelineEvent.NextScan(t, line, java.util.OptionalDouble.of(at));
    }

    private static TimelineEvent scanFailed(JsonNode value, double t, int line) throws JsonFormatException {
        Json.object(value, "scanFailed");
        Json.onlyKeys(value, "scanFailed", Set.of("code"));
        String code = Json.text(value, "code", "scanFailed.");
        try {
            return new TimelineEvent.ScanFailed(t, line, UpdateErrors.parse(code));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`scanFailed.code`: " + e.getMessage());
        }
    }

    private static TimelineEvent proxyAnswers(JsonNode value, double t, int line) throws JsonFormatException {
        Json.object(value, "proxy");
        Json.onlyKeys(value, "proxy", Set.of("server", "answers"));
        String server = Json.text(value, "server", "proxy.");
        if (!server.equals("direct")) {
            try {
                server = ProxyEndpoint.forScheme(UpdateProxy.fixed(server, ""), "https").orElseThrow().toString();
            } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
                throw new JsonFormatException("`proxy.server` must be host:port or direct: " + e.getMessage());
            }
        }
        try {
            return new TimelineEvent.ProxyAnswers(t, line, server, SimulatedProxyVerifier.Answer.fromWord(Json.text(value, "answers", "proxy.")));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`proxy.answers`: " + e.getMessage());
        }
    }

    private static TimelineEvent use(JsonNode node, JsonNode value, double t, int line) throws JsonFormatException {
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new JsonFormatException("`use` must be a profile name or \"auto\"");
        }
        JsonNode sticky = node.get("sticky");
        return new TimelineEvent.Use(t, line, value.textValue(), sticky != null && bool(sticky, "sticky"));
    }

    private static TimelineEvent fault(JsonNode value, double t, int line) throws JsonFormatException {
        for (TimelineEvent.Fault.Kind kind : TimelineEvent.Fault.Kind.values()) {
            if (value.isTextual() && kind.word().equals(value.textValue())) {
                return new TimelineEvent.Fault(t, line, kind);
            }
        }
        throw new JsonFormatException("`fault` must be one of write-denied, write-fails-once, service-restart-timeout, crash");
    }

    private static boolean bool(JsonNode value, String field) throws JsonFormatException {
        if (!value.isBoolean()) {
            throw new JsonFormatException("`" + field + "` must be true or false");
        }
        return value.booleanValue();
    }

    static UserProxySettings userProxy(JsonNode value) throws JsonFormatException {
        Json.object(value, "userProxy");
        Json.onlyKeys(value, "userProxy", Set.of("mode", "server", "bypass", "url"));
        String mode = Json.text(value, "mode", "userProxy.");
        try {
            return switch (mode) {
                case "direct" -> UserProxySettings.DIRECT;
                case "fixed" -> UserProxySettings.fixed((UpdateProxy.Fixed) proxy(value, "userProxy"));
                case "pac" -> UserProxySettings.pac(Json.text(value, "url", "userProxy."));
                case "auto-detect" -> UserProxySettings.autoDetected();
                default -> throw new JsonFormatException("`userProxy.mode` must be direct, fixed, pac or auto-detect, found \"" + mode + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`userProxy`: " + e.getMessage());
        }
    }

    static UpdateProxy proxy(JsonNode value, String field) throws JsonFormatException {
        Json.object(value, field);
        Json.onlyKeys(value, field, Set.of("mode", "server", "bypass", "url"));
        String mode = Optional.ofNullable(Json.optionalText(value, "mode", field + ".")).orElse("fixed");
        if (mode.equals("direct")) {
            return UpdateProxy.direct();
        }
        if (!mode.equals("fixed")) {
            throw new JsonFormatException("`" + field + ".mode` must be direct or fixed here, found \"" + mode + "\"");
        }
        try {
            return UpdateProxy.fixed(Json.text(value, "server", field + "."),
                    Optional.ofNullable(Json.optionalText(value, "bypass", field + ".")).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`" + field + ".server`: " + e.getMessage());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
