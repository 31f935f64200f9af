package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.port.ProxySetAnswer;

/** The answer to {@code set}: {@code {"proxy":PROXY,"changed":..,"before":PROXY|null,"restarted":..,"paused":..}}. */
public final class ProxySetAnswerJson {
    private ProxySetAnswerJson() {}

    public static ObjectNode write(ProxySetAnswer answer) {
        ObjectNode node = Json.object();
        node.set("proxy", ProxyJson.write(answer.proxy()));
        node.put("changed", answer.changed());
        node.set("before", answer.before().map(ProxyJson::write).orElse(null));
        return node.put("restarted", answer.restarted()).put("paused", answer.paused());
    }

    public static ProxySetAnswer read(JsonNode node) throws JsonFormatException {
        Json.object(node, "answer");
        for (String flag : new String[] {"changed", "restarted", "paused"}) {
            if (!node.path(flag).isBoolean()) {
                throw new JsonFormatException("answer: needs a true/false `" + flag + "`");
            }
        }
        return new ProxySetAnswer(ProxyJson.read(node.get("proxy"), "answer.proxy"), node.path("changed").asBoolean(),
                ProxyJson.readOptional(node.get("before"), "answer.before"), node.path("restarted").asBoolean(), node.path("paused").asBoolean());
    }
}
