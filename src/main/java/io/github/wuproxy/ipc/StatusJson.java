package io.github.wuproxy.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.port.SyncStatus;

/** The stable JSON form of the agent's status, as {@code wuproxy status --json} prints it. */
public final class StatusJson {
    private StatusJson() {}

    public static ObjectNode write(SyncStatus status) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("profile", status.profile());
        node.put("basis", status.basis());
        node.put("why", status.why());
        node.set("desired", status.desired().map(ProxyJson::write).orElse(null));
        node.put("network", status.network());
        node.put("paused", status.paused());
        node.put("lastSync", status.lastSync().map(Object::toString).orElse(null));
        return node;
    }

    /** Reads the form {@link #write} makes, for a tray in another process. */
    public static SyncStatus read(JsonNode node) {
        JsonNode desired = node.path("desired");
        java.util.Optional<UpdateProxy> proxy = desired.isObject()
                ? java.util.Optional.of(desired.path("mode").asText().equals("direct") ? UpdateProxy.direct()
                        : UpdateProxy.fixed(desired.path("server").asText(), desired.path("bypass").asText()))
                : java.util.Optional.empty();
        java.util.Optional<java.time.Instant> lastSync = node.path("lastSync").isTextual()
                ? java.util.Optional.of(java.time.Instant.parse(node.path("lastSync").asText())) : java.util.Optional.empty();
        return new SyncStatus(node.path("profile").asText(), node.path("basis").asText(), node.path("why").asText(), proxy,
                node.path("network").asText(), node.path("paused").asBoolean(), lastSync);
    }

    /** The text form of the same status. */
    public static String text(JsonNode status) {
        JsonNode desired = status.path("desired");
        String proxy = desired.isNull() || desired.isMissingNode() ? "unknown"
                : desired.path("mode").asText().equals("direct") ? "direct"
                : UpdateProxy.fixed(desired.path("server").asText(), desired.path("bypass").asText()).describe();
        return "Profile:   " + status.path("profile").asText() + " (" + status.path("basis").asText() + ": " + status.path("why").asText() + ")\n"
                + "WU proxy:  " + proxy + "\n"
                + "Network:   " + status.path("network").asText() + "\n"
                + "Paused:    " + (status.path("paused").asBoolean() ? "yes" : "no") + "\n"
                + "Last sync: " + (status.path("lastSync").isNull() ? "not yet" : status.path("lastSync").asText()) + "\n";
    }
}
