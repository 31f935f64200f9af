package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;

/** The JSON form of a proxy: {@code {"mode":"direct"}} or {@code {"mode":"fixed","server":...,"bypass":...}}. */
public final class ProxyJson {
    private ProxyJson() {}

    public static ObjectNode write(UpdateProxy proxy) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("mode", proxy.mode());
        if (proxy instanceof UpdateProxy.Fixed fixed) {
            node.put("server", fixed.server()).put("bypass", fixed.bypass());
        }
        return node;
    }
}
