package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Optional;

/** The user's own proxy settings as the tray hands them to the service: {@code {"autoDetect":..,"pacUrl":..,"manual":{...}}}. */
public final class UserProxyJson {
    private UserProxyJson() {}

    public static ObjectNode write(UserProxySettings settings) {
        ObjectNode node = Json.object().put("autoDetect", settings.autoDetect());
        node.put("pacUrl", settings.pacUrl().orElse(null));
        node.set("manual", settings.manual().map(ProxyJson::write).orElse(null));
        return node;
    }

    public static UserProxySettings read(JsonNode node) throws JsonFormatException {
        Json.object(node, "userProxy");
        Json.onlyKeys(node, "userProxy", java.util.Set.of("autoDetect", "pacUrl", "manual"));
        JsonNode manual = node.get("manual");
        try {
            Optional<UpdateProxy.Fixed> fixed = manual == null || manual.isNull() ? Optional.empty()
                    : Optional.of(UpdateProxy.fixed(Json.text(manual, "server", "userProxy.manual."),
                            Optional.ofNullable(Json.optionalText(manual, "bypass", "userProxy.manual.")).orElse("")));
            return new UserProxySettings(node.path("autoDetect").asBoolean(false),
                    Optional.ofNullable(Json.optionalText(node, "pacUrl", "userProxy.")), fixed);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`userProxy`: " + e.getMessage());
        }
    }
}
