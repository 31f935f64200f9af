package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.engine.OneShot;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.ipc.HandedOverUserProxySource;
import io.github.wuproxy.ipc.IpcOperation;
import io.github.wuproxy.ipc.IpcProtocol.Op;
import io.github.wuproxy.ipc.Refusal;
import io.github.wuproxy.ipc.StatusJson;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.tray.TrayMenus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The channel's table of operations for this agent: each one carried out on the engine's thread and
 * answered with the status that follows. Rights and the policy lock are checked before, by the channel.
 */
final class AgentIpcHandler {
    private final Agent agent;
    private final Reloader reloader;
    private final Optional<HandedOverUserProxySource> handedOver;
    private final List<TrayMenus.Entry> profiles;
    private final AgentActions actions;

    /** Loads profiles and settings again and hands them to the engine; throws with every problem when they are broken. */
    interface Reloader {
        void reload(Agent agent) throws Refusal;
    }

    AgentIpcHandler(Agent agent, Reloader reloader, Optional<HandedOverUserProxySource> handedOver, List<TrayMenus.Entry> profiles,
            AgentActions actions) {
        this.agent = agent;
        this.reloader = reloader;
        this.handedOver = handedOver;
        this.profiles = List.copyOf(profiles);
        this.actions = actions;
    }

    Map<Op, IpcOperation> operations() {
        Map<Op, IpcOperation> table = new EnumMap<>(Op.class);
        table.put(Op.STATUS, request -> answer());
        table.put(Op.SUBSCRIBE, request -> answer());
        table.put(Op.USE, request -> engine(Op.USE, e -> e.use(request.path("profile").asText(""), request.path("sticky").asBoolean(false))));
        table.put(Op.AUTO, request -> engine(Op.AUTO, SyncEngine::useAutomatic));
        table.put(Op.SYNC, request -> engine(Op.SYNC, SyncEngine::syncNow));
        table.put(Op.PAUSE, request -> engine(Op.PAUSE, e -> e.setPaused(true)));
        table.put(Op.RESUME, request -> engine(Op.RESUME, e -> e.setPaused(false)));
        table.put(Op.SET, request -> setByHand(request.path("proxy")));
        table.put(Op.RELOAD, request -> {
            reloader.reload(agent);
            return answer();
        });
        table.put(Op.SCAN, request -> action(actions::scanNow));
        table.put(Op.REMEMBER, request -> action(() -> actions.remember(request.path("profile").asText(""))));
        handedOver.ifPresent(source -> table.put(Op.USER_PROXY, request -> handOver(source, request.path("userProxy"))));
        return table;
    }

    /** An action that answers with a message for the user. */
    private interface Action {
        String run() throws Exception;
    }

    private ObjectNode action(Action action) throws Refusal {
        String message;
        try {
            message = action.run();
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, e.getMessage());
        } catch (Exception e) {
            throw new Refusal(Refusal.Kind.FAILED, e.getMessage());
        }
        return answer().put("message", message);
    }

    private ObjectNode engine(Op op, Consumer<SyncEngine> action) throws Refusal {
        call(op, engine -> {
            action.accept(engine);
            return null;
        });
        return answer();
    }

    /** The tray in the user's session tells the service the user's own settings. */
    private ObjectNode handOver(HandedOverUserProxySource source, JsonNode settings) throws Refusal {
        try {
            if (source.handOver(io.github.wuproxy.json.UserProxyJson.read(settings))) {
                agent.post(SyncEngine::userProxyChanged);
            }
        } catch (io.github.wuproxy.json.JsonFormatException e) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, e.getMessage());
        }
        return answer();
    }

    /** Carries a failure to apply out of the engine's thread. */
    private static final class NotApplied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotApplied(String problem) {
            super(problem, null, false, false);
        }
    }

    private ObjectNode setByHand(JsonNode proxy) throws Refusal {
        UpdateProxy wanted;
        try {
            wanted = proxy.path("mode").asText().equals("direct") ? UpdateProxy.direct()
                    : UpdateProxy.fixed(proxy.path("server").asText(), proxy.path("bypass").asText(""));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, e.getMessage());
        }
        String message = call(Op.SET, engine -> {
            try {
                return engine.applyByHand(wanted);
            } catch (OneShot.Failure f) {
                throw new NotApplied(f.problem().text());
            }
        });
        return answer().put("message", message);
    }

    private <T> T call(Op op, Function<SyncEngine, T> action) throws Refusal {
        try {
            return agent.call(action);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotApplied failure) {
                throw new Refusal(Refusal.Kind.FAILED, failure.getMessage());
            }
            if (e.getCause() instanceof IllegalArgumentException refusal) {
                throw new Refusal(Refusal.Kind.BAD_INPUT, refusal.getMessage());
            }
            throw new Refusal(Refusal.Kind.FAILED, "the agent failed to " + op.word + ": " + e.getCause());
        } catch (TimeoutException e) {
            throw new Refusal(Refusal.Kind.BUSY, "the agent's engine did not answer " + op.word + " within 30 s; see its log");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.BUSY, "the agent is stopping");
        } catch (Exception e) {
            throw new Refusal(Refusal.Kind.FAILED, "the agent failed to " + op.word + ": " + e);
        }
    }

    /** The status answer for {@code status} and {@code subscribe}, and what subscribers are sent on every change. */
    ObjectNode answer() throws Refusal {
        Optional<io.github.wuproxy.port.SyncStatus> status = call(Op.STATUS, SyncEngine::status);
        ObjectNode reply = Json.MAPPER.createObjectNode().put("ok", true);
        reply.set("status", status.map(StatusJson::write).orElse(null));
        var list = reply.putArray("profiles");
        profiles.forEach(p -> list.addObject().put("name", p.name()).put("kind", p.kind().word()));
        return reply;
    }
}
