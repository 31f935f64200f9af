package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.ipc.HandedOverUserProxySource;
import io.github.wuproxy.ipc.IpcOperation;
import io.github.wuproxy.ipc.IpcProtocol.Op;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.json.ProxySetAnswerJson;
import io.github.wuproxy.json.UserProxyJson;
import io.github.wuproxy.json.ViewJson;
import io.github.wuproxy.port.AgentApi;
import io.github.wuproxy.port.AgentRefusal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The channel's table of operations for this agent: each one a verb of the {@link AgentApi}, answered
 * with the caller's view that follows. Rights and the organisation's lock are checked before, by the channel.
 */
final class AgentIpcHandler {
    private final LocalAgentApi agent;
    private final Agent running;
    private final Optional<HandedOverUserProxySource> handedOver;

    AgentIpcHandler(LocalAgentApi agent, Agent running, Optional<HandedOverUserProxySource> handedOver) {
        this.agent = agent;
        this.running = running;
        this.handedOver = handedOver;
    }

    /** A verb that answers with a message for the user, or with none. */
    private interface Verb {
        String run(AgentApi caller, JsonNode request) throws AgentRefusal, JsonFormatException;
    }

    Map<Op, IpcOperation> operations() {
        Map<Op, IpcOperation> table = new EnumMap<>(Op.class);
        table.put(Op.STATUS, answering((api, r) -> null));
        table.put(Op.SUBSCRIBE, answering((api, r) -> null));
        table.put(Op.USE, answering((api, r) -> {
            api.use(r.path("profile").asText(""), r.path("sticky").asBoolean(false));
            return null;
        }));
        table.put(Op.AUTO, answering((api, r) -> {
            api.auto();
            return null;
        }));
        table.put(Op.SYNC, answering((api, r) -> {
            api.sync();
            return null;
        }));
        table.put(Op.PAUSE, answering((api, r) -> {
            api.pause();
            return null;
        }));
        table.put(Op.RESUME, answering((api, r) -> {
            api.resume();
            return null;
        }));
        table.put(Op.RELOAD, answering((api, r) -> {
            api.reload();
            return null;
        }));
        table.put(Op.SCAN, answering((api, r) -> api.scan()));
        table.put(Op.REMEMBER, (request, admin) -> {
            AgentApi caller = agent.forCaller(admin);
            var remembered = caller.remember(request.path("profile").asText(""), request.path("keep").asBoolean(false));
            ObjectNode reply = ViewJson.write(caller.view()).put("message", remembered.describe());
            reply.set("remembered", io.github.wuproxy.json.RememberedJson.write(remembered));
            return reply;
        });
        table.put(Op.SET, (request, admin) -> {
            AgentApi caller = agent.forCaller(admin);
            io.github.wuproxy.port.ProxySetAnswer done;
            try {
                done = caller.set(ProxyJson.read(request.path("proxy"), "proxy"));
            } catch (JsonFormatException e) {
                throw new AgentRefusal(AgentRefusal.Kind.BAD_INPUT, e.getMessage());
            }
            ObjectNode reply = ViewJson.write(caller.view()).put("message", done.english());
            reply.set("answer", ProxySetAnswerJson.write(done));
            return reply;
        });
        handedOver.ifPresent(source -> table.put(Op.USER_PROXY, answering((api, r) -> {
            if (source.handOver(UserProxyJson.read(r.path("userProxy")))) {
                running.post(SyncEngine::userProxyChanged);
            }
            return null;
        })));
        return table;
    }

    /** The channel checked the caller's rights and the lock; the verb runs with them, and answers with the caller's view. */
    private IpcOperation answering(Verb verb) {
        return (request, admin) -> {
            AgentApi caller = agent.forCaller(admin);
            try {
                String message = verb.run(caller, request);
                ObjectNode reply = ViewJson.write(caller.view());
                return message == null ? reply : reply.put("message", message);
            } catch (JsonFormatException e) {
                throw new AgentRefusal(AgentRefusal.Kind.BAD_INPUT, e.getMessage());
            }
        };
    }
}
