package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.ipc.HandedOverUserProxySource;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.json.UserProxyJson;
import io.github.wuproxy.json.ViewJson;
import io.github.wuproxy.port.AgentApi;
import io.github.wuproxy.port.AgentRefusal;
import java.util.Optional;

/** Carries out a caller's allowed request through the agent's verbs and answers with the view that follows. */
final class AgentIpcHandler implements IpcServer.IpcHandler {
    private final LocalAgentApi agent;
    private final Optional<HandedOverUserProxySource> handedOver;
    private final Agent running;

    AgentIpcHandler(LocalAgentApi agent, Agent running, Optional<HandedOverUserProxySource> handedOver) {
        this.agent = agent;
        this.running = running;
        this.handedOver = handedOver;
    }

    @Override
    public ObjectNode handle(String op, JsonNode request, boolean admin) throws IpcServer.IpcRefusal {
        AgentApi caller = agent.forCaller(admin);
        try {
            String message = switch (op) {
                case "use" -> {
                    caller.use(request.path("profile").asText(""), request.path("sticky").asBoolean(false));
                    yield null;
                }
                case "auto" -> {
                    caller.auto();
                    yield null;
                }
                case "sync" -> {
                    caller.sync();
                    yield null;
                }
                case "pause" -> {
                    caller.pause();
                    yield null;
                }
                case "resume" -> {
                    caller.resume();
                    yield null;
                }
                case "reload" -> {
                    caller.reload();
                    yield null;
                }
                case "scan" -> caller.scan();
                case "remember" -> caller.remember(request.path("profile").asText(""));
                case "set" -> caller.set(ProxyJson.read(request.path("proxy"), "proxy"));
                case "user-proxy" -> {
                    handOver(request.path("userProxy"));
                    yield null;
                }
                default -> null;
            };
            ObjectNode reply = ViewJson.write(caller.view());
            return message == null ? reply : reply.put("message", message);
        } catch (AgentRefusal e) {
            throw new IpcServer.IpcRefusal(e.getMessage());
        } catch (JsonFormatException e) {
            throw new IpcServer.IpcRefusal(e.getMessage());
        }
    }

    /** The tray in the user's session tells the service the user's own settings. */
    private void handOver(JsonNode settings) throws IpcServer.IpcRefusal, JsonFormatException {
        if (handedOver.isEmpty()) {
            throw new IpcServer.IpcRefusal("this agent reads the user's proxy settings itself");
        }
        if (handedOver.get().handOver(UserProxyJson.read(settings))) {
            running.post(SyncEngine::userProxyChanged);
        }
    }
}
