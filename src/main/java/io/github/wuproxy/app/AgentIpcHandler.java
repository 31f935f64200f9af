package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.ipc.StatusJson;
import io.github.wuproxy.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** Carries out allowed requests on the engine's thread and answers with the status that follows. */
final class AgentIpcHandler implements IpcServer.IpcHandler {
    private final Agent agent;
    private final Reloader reloader;
    private final Optional<io.github.wuproxy.ipc.HandedOverUserProxySource> handedOver;
    private final List<io.github.wuproxy.tray.TrayMenus.Entry> profiles;
    private final AgentActions actions;
    private final io.github.wuproxy.port.Policy policy;

    /** Loads profiles and settings again and hands them to the engine; throws with every problem when they are broken. */
    interface Reloader {
        void reload(Agent agent) throws IpcServer.IpcRefusal;
    }

    AgentIpcHandler(Agent agent, Reloader reloader, Optional<io.github.wuproxy.ipc.HandedOverUserProxySource> handedOver,
            List<io.github.wuproxy.tray.TrayMenus.Entry> profiles, AgentActions actions, io.github.wuproxy.port.Policy policy) {
        this.agent = agent;
        this.reloader = reloader;
        this.handedOver = handedOver;
        this.profiles = List.copyOf(profiles);
        this.actions = actions;
        this.policy = policy;
    }

    @Override
    public ObjectNode handle(String op, JsonNode request, boolean admin) throws IpcServer.IpcRefusal {
        if (!admin && (op.equals("use") || op.equals("auto"))) {
            Optional<String> refusal = op.equals("use") ? policy.refusesChoiceOf(request.path("profile").asText(""))
                    : policy.locked() ? Optional.of("managed by your organisation: the choice cannot be changed") : Optional.empty();
            if (refusal.isPresent()) {
                throw new IpcServer.IpcRefusal(refusal.get());
            }
        }
        if (op.equals("reload")) {
            reloader.reload(agent);
            return answer();
        }
        if (op.equals("set")) {
            return setByHand(request.path("proxy"));
        }
        if (op.equals("user-proxy")) {
            return handOver(request.path("userProxy"));
        }
        if (op.equals("scan") || op.equals("remember")) {
            try {
                String message = op.equals("scan") ? actions.scanNow() : actions.remember(request.path("profile").asText(""));
                return answer().put("message", message);
            } catch (Exception e) {
                throw new IpcServer.IpcRefusal(e.getMessage());
            }
        }
        try {
            agent.call(engine -> {
                switch (op) {
                    case "use" -> engine.use(request.path("profile").asText(""), request.path("sticky").asBoolean(false));
                    case "auto" -> engine.useAutomatic();
                    case "sync" -> engine.syncNow();
                    case "pause" -> engine.setPaused(true);
                    case "resume" -> engine.setPaused(false);
                    default -> { }
                }
                return null;
            });
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException refusal) {
                throw new IpcServer.IpcRefusal(refusal.getMessage());
            }
            throw new IpcServer.IpcRefusal("the agent failed to " + op + ": " + e.getCause());
        } catch (Exception e) {
            throw new IpcServer.IpcRefusal("the agent did not answer in time: " + e);
        }
        return answer();
    }

    /** The tray in the user's session tells the service the user's own settings. */
    private ObjectNode handOver(JsonNode settings) throws IpcServer.IpcRefusal {
        if (handedOver.isEmpty()) {
            throw new IpcServer.IpcRefusal("this agent reads the user's proxy settings itself");
        }
        try {
            if (handedOver.get().handOver(io.github.wuproxy.json.UserProxyJson.read(settings))) {
                agent.post(SyncEngine::userProxyChanged);
            }
        } catch (io.github.wuproxy.json.JsonFormatException e) {
            throw new IpcServer.IpcRefusal(e.getMessage());
        }
        return answer();
    }

    private ObjectNode setByHand(JsonNode proxy) throws IpcServer.IpcRefusal {
        io.github.wuproxy.core.proxy.UpdateProxy wanted;
        try {
            wanted = proxy.path("mode").asText().equals("direct") ? io.github.wuproxy.core.proxy.UpdateProxy.direct()
                    : io.github.wuproxy.core.proxy.UpdateProxy.fixed(proxy.path("server").asText(), proxy.path("bypass").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IpcServer.IpcRefusal(e.getMessage());
        }
        String message;
        try {
            message = agent.call(engine -> {
                try {
                    return engine.applyByHand(wanted);
                } catch (io.github.wuproxy.engine.OneShot.Failure f) {
                    return "FAILED " + f.problem().text();
                }
            });
        } catch (Exception e) {
            throw new IpcServer.IpcRefusal("the agent did not answer in time: " + e);
        }
        if (message.startsWith("FAILED ")) {
            throw new IpcServer.IpcRefusal(message.substring("FAILED ".length()));
        }
        return answer().put("message", message);
    }

    /** The status answer for {@code status} and {@code subscribe}, and what subscribers are sent on every change. */
    ObjectNode answer() throws IpcServer.IpcRefusal {
        try {
            Optional<io.github.wuproxy.port.SyncStatus> status = agent.call(SyncEngine::status);
            ObjectNode reply = Json.MAPPER.createObjectNode().put("ok", true);
            reply.set("status", status.map(StatusJson::write).orElse(null));
            var list = reply.putArray("profiles");
            profiles.forEach(p -> list.addObject().put("name", p.name()).put("kind", p.kind().word()));
            return reply;
        } catch (Exception e) {
            throw new IpcServer.IpcRefusal("the agent did not answer in time: " + e);
        }
    }
}
