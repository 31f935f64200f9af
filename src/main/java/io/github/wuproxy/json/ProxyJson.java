package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;
import java.util.Set;

/** The JSON form of a proxy: {@code {"mode":"direct"}} or {@code {"mode":"fixed","server":...,"bypass":...}}. */
public final class ProxyJson {
    private ProxyJson() {}

    public static ObjectNode write(UpdateProxy proxy) {
        ObjectNode node = Json.object().put("mode", proxy.mode());
        if (proxy instanceof UpdateProxy.Fixed fixed) {
            node.put("server", fixed.server()).put("bypass", fixed.bypass());
        }
        return node;
    }

    /** Reads what {@link #write} makes; {@code path} names the field in messages ("status.held"). */
    public static UpdateProxy read(JsonNode node, String path) throws JsonFormatException {
        Json.object(node, path);
        Json.onlyKeys(node, path, Set.of("mode", "server", "bypass"));
        String mode = Json.text(node, "mode", path + ".");
        try {
            return switch (mode) {
                case "direct" -> UpdateProxy.direct();
                case "fixed" -> UpdateProxy.fixed(Json.text(node, "server", path + "."),
                        Optional.ofNullable(Json.optionalText(node, "bypass", path + ".")).orElse(""));
                default -> throw new JsonFormatException("`" + path + ".mode` must be direct or fixed, got \"" + mode + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`" + path + "`: " + e.getMessage());
        }
    }

    /** A proxy or null, as {@link #read} reads it. */
    public static Optional<UpdateProxy> readOptional(JsonNode node, String path) throws JsonFormatException {
        return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(read(node, path));
    }
}
