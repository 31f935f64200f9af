package io.github.wuproxy.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.port.AgentRefusal;

/**
 * What the agent does for one allowed operation: an answer with "ok" and more, or a refusal with
 * the reason. {@code admin} says whether the caller holds every right, for the rights its answer shows.
 */
@FunctionalInterface
public interface IpcOperation {
    ObjectNode handle(JsonNode request, boolean admin) throws AgentRefusal;
}
