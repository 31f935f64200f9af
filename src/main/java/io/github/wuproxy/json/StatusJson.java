package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.Reason;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stable JSON form of the agent's status, as {@code wuproxy status --json} prints it and the
 * tray of the service reads it. {@code desired} is the proxy the profile wants, {@code held} the
 * one Windows holds, {@code problems} the active problems, {@code userProxy} the signed-in user's own
 * proxy ({@code wanted}: null when the profile leaves it; {@code held}: null when unknown; {@code why}),
 * {@code reason} beside each {@code why}: the same as data ({@code kind} and {@code values}) for a front end to render,
 * {@code nextScan} when Windows Update's next scheduled scan runs (null when unknown).
 */
public final class StatusJson {
    private StatusJson() {}

    public static ObjectNode write(AgentStatus status) {
        ObjectNode node = Json.object();
        node.put("profile", status.profile());
        node.put("basis", status.basis().name().toLowerCase(Locale.ROOT));
        node.put("why", status.why());
        node.set("reason", reason(status.reason()));
        node.set("desired", status.wanted().map(ProxyJson::write).orElse(null));
        node.set("held", status.held().map(ProxyJson::write).orElse(null));
        node.put("network", status.network());
        node.put("paused", status.paused());
        node.put("lastSync", status.lastSync().map(Object::toString).orElse(null));
        ArrayNode problems = node.putArray("problems");
        for (AgentStatus.ActiveProblem active : status.problems()) {
            Problem p = active.problem();
            problems.addObject().put("code", p.code().id()).put("severity", p.severity().name().toLowerCase(Locale.ROOT))
                    .put("message", p.text()).put("headline", p.headline()).put("whatFailed", p.whatFailed()).put("why", p.why())
                    .put("whatToDo", p.whatToDo()).put("since", active.since().toString());
        }
        ObjectNode user = node.putObject("userProxy");
        user.set("wanted", status.userProxy().wanted().map(UserProxyJson::write).orElse(null));
        // The user's own setup-script URL may carry a token; other callers see the status too. (The wanted one is the profile's.)
        user.set("held", status.userProxy().held().map(StatusJson::withoutSecrets).map(UserProxyJson::write).orElse(null));
        user.put("why", status.userProxy().why());
        user.set("reason", reason(status.userProxy().reason()));
        node.put("nextScan", status.nextScan().map(Object::toString).orElse(null));
        return node;
    }

    /** Reads the form {@link #write} makes. The manual choice's place is not on the wire: it reads back without one. */
    public static AgentStatus read(JsonNode node) throws JsonFormatException {
        Json.object(node, "status");
        Selection.Basis basis = basis(Json.text(node, "basis", "status."));
        List<AgentStatus.ActiveProblem> problems = new ArrayList<>();
        for (JsonNode p : node.path("problems")) {
            problems.add(new AgentStatus.ActiveProblem(new Problem(code(Json.text(p, "code", "status.problems.")),
                    p.path("severity").asText().equals("error") ? Severity.ERROR : Severity.WARNING,
                    Json.text(p, "whatFailed", "status.problems."), p.path("why").asText(""), p.path("whatToDo").asText("")),
                    instant(Json.text(p, "since", "status.problems."), "status.problems.since")));
        }
        String profile = Json.text(node, "profile", "status.");
        Optional<ManualChoice> manual = basis == Selection.Basis.MANUAL || basis == Selection.Basis.STICKY
                ? Optional.of(new ManualChoice(profile, basis == Selection.Basis.STICKY, LocationFingerprint.OFFLINE)) : Optional.empty();
        Optional<Instant> lastSync = node.path("lastSync").isTextual()
                ? Optional.of(instant(node.path("lastSync").asText(), "status.lastSync")) : Optional.empty();
        Optional<Instant> nextScan = node.path("nextScan").isTextual()
                ? Optional.of(instant(node.path("nextScan").asText(), "status.nextScan")) : Optional.empty();
        return new AgentStatus(profile, basis, node.path("why").asText(""), ProxyJson.readOptional(node.get("desired"), "status.desired"),
                ProxyJson.readOptional(node.get("held"), "status.held"), node.path("network").asText(""), node.path("paused").asBoolean(),
                manual, lastSync, problems, userProxy(node.get("userProxy")), nextScan, reason(node, "status."));
    }

    /** {@code why} as data, beside it: a front end renders it in the user's language. */
    private static ObjectNode reason(Reason reason) {
        ObjectNode node = Json.object().put("kind", reason.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode values = node.putArray("values");
        reason.values().forEach(values::add);
        return node;
    }

    /** The reason beside {@code why}; from an older agent, or of a kind this one does not know, the English words. */
    private static Reason reason(JsonNode parent, String path) throws JsonFormatException {
        String why = parent.path("why").asText("");
        JsonNode node = parent.get("reason");
        if (node == null || node.isNull()) {
            return Reason.text(why);
        }
        Json.object(node, path + "reason");
        Reason.Kind kind;
        try {
            kind = Reason.Kind.valueOf(node.path("kind").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Reason.text(why);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node.path("values")) {
            if (!value.isTextual()) {
                throw new JsonFormatException("`" + path + "reason.values` must hold text, got " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            values.add(value.asText());
        }
        return new Reason(kind, values);
    }

    private static UserProxySettings withoutSecrets(UserProxySettings settings) {
        return new UserProxySettings(settings.autoDetect(), settings.pacUrl().map(io.github.wuproxy.core.proxy.PacUrls::safe), settings.manual());
    }

    /** Absent in the status of an older agent: unknown. */
    private static UserProxyStatus userProxy(JsonNode node) throws JsonFormatException {
        if (node == null || node.isNull()) {
            return UserProxyStatus.UNKNOWN;
        }
        Json.object(node, "status.userProxy");
        return new UserProxyStatus(optionalSettings(node.get("wanted")), node.path("why").asText(""), optionalSettings(node.get("held")),
                reason(node, "status.userProxy."));
    }

    private static Optional<UserProxySettings> optionalSettings(JsonNode node) throws JsonFormatException {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(UserProxyJson.read(node));
    }

    private static Selection.Basis basis(String word) throws JsonFormatException {
        try {
            return Selection.Basis.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`status.basis` must be rule, fallback, manual or sticky, got \"" + word + "\"");
        }
    }

    private static ProblemCode code(String id) throws JsonFormatException {
        for (ProblemCode code : ProblemCode.values()) {
            if (code.id().equals(id)) {
                return code;
            }
        }
        throw new JsonFormatException("`status.problems.code` is not a known problem code: \"" + id + "\"");
    }

    private static Instant instant(String text, String path) throws JsonFormatException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonFormatException("`" + path + "` is not a time: \"" + text + "\"");
        }
    }
}
