package io.github.wuproxy.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.json.UserProxyJson;
import io.github.wuproxy.json.ViewJson;
import io.github.wuproxy.port.AgentApi;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.AgentView;
import java.io.IOException;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The agent's verbs over the local channel: what the service's tray and the CLI use. */
public final class ChannelAgentApi implements AgentApi {
    private final IpcClient client;
    private final Duration reconnect;

    public ChannelAgentApi(IpcClient client, Duration reconnect) {
        this.client = client;
        this.reconnect = reconnect;
    }

    @Override
    public AgentView view() throws AgentRefusal {
        return read(send(IpcClient.request("status")));
    }

    /**
     * Subscribes on a thread of its own; when the agent goes away the listener is told so, and the
     * subscription is made again every {@code reconnect} until closed.
     */
    @Override
    public AutoCloseable subscribe(Consumer<AgentView> listener) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            while (closed.getCount() > 0) {
                String why;
                try {
                    AgentView[] first = new AgentView[1];
                    client.subscribe(answer -> {
                        try {
                            AgentView view = ViewJson.read(answer);
                            if (first[0] == null) {
                                first[0] = view;
                            } else if (answer.path("rights").isMissingNode()) {
                                view = withCallersRights(view, first[0]);
                            }
                            listener.accept(view);
                        } catch (JsonFormatException e) {
                            listener.accept(AgentView.unavailable("the service's answer was not understood: " + e.getMessage()));
                        }
                    });
                    why = "the wuproxy service stopped";
                } catch (IOException e) {
                    why = e.getMessage();
                }
                listener.accept(AgentView.unavailable(why));
                try {
                    closed.await(reconnect.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "wuproxy-subscription");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            closed.countDown();
            thread.interrupt();
        };
    }

    /** A push is the same for every subscriber: this caller's rights, and its refusals by profile, come from its first answer. */
    private static AgentView withCallersRights(AgentView pushed, AgentView first) {
        var refusals = new java.util.HashMap<String, java.util.Optional<String>>();
        first.profiles().forEach(p -> refusals.put(p.name(), p.refused()));
        var offers = pushed.profiles().stream().map(p -> new AgentView.Offer(p.name(), p.kind(),
                refusals.getOrDefault(p.name(), java.util.Optional.empty()))).toList();
        return new AgentView(pushed.status(), offers, first.rights(), pushed.unavailable());
    }

    @Override
    public void use(String profile, boolean sticky) throws AgentRefusal {
        send(IpcClient.request("use").put("profile", profile).put("sticky", sticky));
    }

    @Override
    public void auto() throws AgentRefusal {
        send(IpcClient.request("auto"));
    }

    @Override
    public void sync() throws AgentRefusal {
        send(IpcClient.request("sync"));
    }

    @Override
    public void pause() throws AgentRefusal {
        send(IpcClient.request("pause"));
    }

    @Override
    public void resume() throws AgentRefusal {
        send(IpcClient.request("resume"));
    }

    @Override
    public String scan() throws AgentRefusal {
        return send(IpcClient.request("scan")).path("message").asText("");
    }

    @Override
    public io.github.wuproxy.port.Remembered remember(String profile, boolean keep) throws AgentRefusal {
        JsonNode answer = send(IpcClient.request("remember").put("profile", profile).put("keep", keep)).path("remembered");
        try {
            return io.github.wuproxy.json.RememberedJson.read(answer);
        } catch (io.github.wuproxy.json.JsonFormatException e) {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, "the agent's answer to remember was not understood: " + e.getMessage());
        }
    }

    @Override
    public io.github.wuproxy.port.ProxySetAnswer set(UpdateProxy proxy) throws AgentRefusal {
        ObjectNode request = IpcClient.request("set");
        request.set("proxy", ProxyJson.write(proxy));
        try {
            return io.github.wuproxy.json.ProxySetAnswerJson.read(send(request).path("answer"));
        } catch (io.github.wuproxy.json.JsonFormatException e) {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, "the agent's answer to set was not understood: " + e.getMessage());
        }
    }

    @Override
    public void reload() throws AgentRefusal {
        send(IpcClient.request("reload"));
    }

    /** Hands the user's own proxy settings to a service that cannot read them (it runs as SYSTEM). */
    public void handOver(UserProxySettings settings) throws AgentRefusal {
        ObjectNode request = IpcClient.request("user-proxy");
        request.set("userProxy", UserProxyJson.write(settings));
        send(request);
    }

    /** Sends one request; a refusal comes back typed. */
    public JsonNode send(ObjectNode request) throws AgentRefusal {
        JsonNode answer;
        try {
            answer = client.send(request);
        } catch (IOException e) {
            throw new AgentRefusal(AgentRefusal.Kind.UNAVAILABLE, e.getMessage());
        }
        if (!answer.path("ok").asBoolean()) {
            throw new AgentRefusal(AgentRefusal.Kind.of(answer.path("refusal").asText("")), answer.path("error").asText(""), why(answer.path("why")));
        }
        return answer;
    }

    /** The refusal's reason as data; null from an older agent or when not understood. */
    static AgentRefusal.Why why(JsonNode node) {
        if (!node.path("code").isTextual() || !node.path("values").isArray()) {
            return null;
        }
        List<String> values = new java.util.ArrayList<>();
        node.path("values").forEach(v -> values.add(v.asText()));
        return new AgentRefusal.Why(node.path("code").asText(), values);
    }

    private static AgentView read(JsonNode answer) throws AgentRefusal {
        try {
            return ViewJson.read(answer);
        } catch (JsonFormatException e) {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, "the agent's answer was not understood: " + e.getMessage());
        }
    }
}
