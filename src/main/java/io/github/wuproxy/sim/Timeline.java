package io.github.wuproxy.sim;

import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.proxy.ProxyEndpoint;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A day of network changes as JSON Lines: {@code {"t":SECONDS, EVENT:...}} per line; blank lines
 * and lines starting with {@code #} are ignored; {@code t} never decreases.
 */
public final class Timeline {
    private static final Set<String> EVENTS = Set.of("network", "userProxy", "scan", "use", "sticky", "pause", "sleep",
            "resume", "foreignWrite", "fault", "scanFailed", "proxy");
    private static final Set<String> KEYS = union(EVENTS, Set.of("t"));
    static final double MAX_SECONDS = 10 * 366 * 24 * 3600.0;

    private Timeline() {}

    public static List<TimelineEvent> parse(String file, String text) throws TimelineException {
        List<TimelineEvent> events = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        double last = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            try {
                TimelineEvent event = event(Json.parse(line), number);
                if (event.t() < last) {
                    throw new JsonFormatException("t = " + event.t() + " is before the previous line's t = " + last
                            + "; lines must be in time order");
                }
                last = event.t();
                events.add(event);
            } catch (JsonFormatException e) {
                throw new TimelineException(file + ":" + number + ": " + e.getMessage());
            }
        }
        return events;
    }

    private static TimelineEvent event(JsonNode node, int line) throws JsonFormatException {
        Json.object(node, "line");
        Json.onlyKeys(node, "", KEYS);
        JsonNode time = node.get("t");
        if (time == null || !time.isNumber() || time.doubleValue() < 0 || !Double.isFinite(time.doubleValue())) {
            throw new JsonFormatException("`t` must be a number of seconds from the start, 0 or more");
        }
        if (time.doubleValue() > MAX_SECONDS) { // a simulation of longer would grind through years of drift checks
            throw new JsonFormatException("`t` is " + time.asText() + " seconds; a simulation covers at most ten years (" + (long) MAX_SECONDS + ")");
        }
        double t = time.doubleValue();
        List<String> kinds = new ArrayList<>();
        node.properties().forEach(e -> {
            if (!e.getKey().equals("t") && !e.getKey().equals("sticky")) {
                kinds.add(e.getKey());
            }
        });
        if (kinds.size() != 1) {
            throw new JsonFormatException("each line needs exactly one event (one of network, userProxy, scan, scanFailed, proxy, use, "
                    + "pause, sleep, resume, foreignWrite, fault), found " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        }
        JsonNode value = node.get(kinds.get(0));
        return switch (kinds.get(0)) {
            case "network" -> new TimelineEvent.Network(t, line, value.isNull() ? null : LocationJson.read(value));
            case "userProxy" -> new TimelineEvent.UserProxy(t, line, userProxy(value));
            case "scan" -> new TimelineEvent.Scan(t, line);
            case "scanFailed" -> scanFailed(value, t, line);
            case "proxy" -> proxyAnswers(value, t, line);
            case "use" -> use(node, value, t, line);
            case "pause" -> new TimelineEvent.Pause(t, line, bool(value, "pause"));
            case "sleep" -> new TimelineEvent.Sleep(t, line);
            case "resume" -> new TimelineEvent.Resume(t, line);
            case "foreignWrite" -> new TimelineEvent.ForeignWrite(t, line, proxy(value, "foreignWrite"));
            default -> fault(value, t, line);
        };
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
