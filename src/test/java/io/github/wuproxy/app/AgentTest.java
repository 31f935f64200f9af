package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real agent (its thread, Quartz, the signal wiring) over simulated ports. */
class AgentTest {
    private final ScriptedNetworkLocationSource network = new ScriptedNetworkLocationSource();
    private final InMemoryUpdateProxyStore store = InMemoryUpdateProxyStore.direct();
    private final SimulatedUserProxySource user = new SimulatedUserProxySource(UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat"));
    private final Adapters adapters = TestAdapters.simulated(network, store, user);

    /** Waits until the engine's thread has run everything posted before, including zero-delay timers. */
    private static void drain(Agent agent) throws Exception {
        for (int i = 0; i < 3; i++) {
            var done = new CompletableFuture<Void>();
            agent.post(engine -> done.complete(null));
            done.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void followsANetworkChangeOnItsOwnThread() throws Exception {
        var notifier = new RecordingNotifier();
        var settings = AgentSettings.defaults().withSettleDelay(Duration.ZERO);
        Agent agent = Agent.start(adapters, new InMemoryStateStore(), notifier, Fixtures.shippedProfiles(), settings.engine());
        try {
            network.moveTo(Fixtures.location("network/corp-dock-wired-edited.json"));
            drain(agent);
            assertEquals(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"), store.current());
            assertEquals("corporate", notifier.lastStatus().profile());

            store.foreignWrite(UpdateProxy.fixed("vpnproxy.example:3128", ""));
            drain(agent);
            assertEquals(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"), store.current(), "reasserted");
        } finally {
            agent.close();
        }
    }

    @Test
    void aBugInOneRoundDoesNotStopTheAgent() throws Exception {
        Agent agent = Agent.start(adapters, new InMemoryStateStore(), new RecordingNotifier(), Fixtures.shippedProfiles(),
                AgentSettings.defaults().withSettleDelay(Duration.ZERO).engine());
        try {
            agent.post(engine -> {
                throw new IllegalStateException("a bug");
            });
            agent.post(SyncEngine::syncNow);
            drain(agent);
            network.moveTo(Fixtures.location("network/home-wifi-edited.json"));
            user.set(UserProxySettings.DIRECT);
            drain(agent);
            assertEquals(UpdateProxy.direct(), store.current());
        } finally {
            agent.close();
        }
    }
}
