package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.core.proxy.AdvancedProxySettings;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what {@code netsh winhttp show advproxy} prints: an optional (localised) heading, then one
 * flat JSON object with the keys of Microsoft's netsh documentation (ProxyIsEnabled, Proxy,
 * ProxyBypass, AutoConfigIsEnabled, AutoconfigUrl, AutoDetect, PerUserProxySettings). Keys are
 * matched without regard to case; unknown keys are ignored.
 */
public final class AdvancedProxyJson {
    /** netsh's answer is a few hundred bytes; more is not netsh's. */
    static final int MAX_CHARS = 64 * 1024;

    private AdvancedProxyJson() {}

    /** The settings; empty when the output holds no JSON object (an older netsh's "command was not found"). */
    public static Optional<AdvancedProxySettings> parse(String output) throws JsonFormatException {
        if (output.length() > MAX_CHARS) {
            throw new JsonFormatException("netsh's advproxy output is " + output.length() + " characters; at most " + MAX_CHARS + " are read");
        }
        int start = output.indexOf('{');
        int end = output.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        JsonNode node = Json.parse(output.substring(start, end + 1));
        Json.object(node, "advproxy");
        Map<String, JsonNode> keys = new TreeMap<>();
        node.properties().forEach(e -> keys.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        return Optional.of(new AdvancedProxySettings(flag(keys, "proxyisenabled"), text(keys, "proxy"), text(keys, "proxybypass"),
                flag(keys, "autoconfigisenabled"), text(keys, "autoconfigurl"), flag(keys, "autodetect").orElse(false),
                flag(keys, "peruserproxysettings")));
    }

    private static String text(Map<String, JsonNode> keys, String key) throws JsonFormatException {
        JsonNode value = keys.get(key);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new JsonFormatException("advproxy `" + key + "` must be text, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    private static Optional<Boolean> flag(Map<String, JsonNode> keys, String key) throws JsonFormatException {
        JsonNode value = keys.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new JsonFormatException("advproxy `" + key + "` must be true or false, found " + value);
        }
        return Optional.of(value.booleanValue());
    }
}
