package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.RecordingNotifier;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Remember this network as" a profile that a higher-priority rule still beats says so at once. */
class RememberOverriddenTest {
    @TempDir
    Path data;

    @Test
    void rememberingDirectOnTheOfficeNetworkSaysCorporateStillApplies() throws Exception {
        var network = new ScriptedNetworkLocationSource();
        network.setQuietly(Fixtures.location("network/corp-dock-wired-edited.json"));
        var user = new SimulatedUserProxySource(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")));
        var adapters = TestAdapters.simulated(network, InMemoryUpdateProxyStore.direct(), user);
        Agent agent = Agent.start(adapters, new InMemoryStateStore(), new StatusHub(new RecordingNotifier()), Fixtures.shippedProfiles(),
                AgentSettings.defaults().withSettleDelay(Duration.ZERO).engine());
        try {
            var actions = new AgentActions(agent, new AgentPaths(Path.of("").toAbsolutePath(), data), new SimulatedUpdateScanner(), io.github.wuproxy.port.Policy.NONE, () -> io.github.wuproxy.port.Policy.NONE);
            String answer = actions.remember("direct");
            assertTrue(answer.startsWith("This network is remembered as direct"), answer);
            assertTrue(answer.contains("But profile corporate still applies here: its rule wins with priority 100 over 50"), answer);
            assertEquals("corporate", agent.call(e -> e.status().orElseThrow().profile()));

            String mobile = actions.remember("corporate");
            assertTrue(!mobile.contains("still applies"), "remembering the profile in force says nothing more: " + mobile);
        } finally {
            agent.close();
        }
    }
}
