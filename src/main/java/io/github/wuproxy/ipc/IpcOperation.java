package io.github.wuproxy.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the agent does for one allowed operation: an answer with "ok" and more, or a refusal with the reason. */
@FunctionalInterface
public interface IpcOperation {
    ObjectNode handle(JsonNode request) throws Refusal;
}
