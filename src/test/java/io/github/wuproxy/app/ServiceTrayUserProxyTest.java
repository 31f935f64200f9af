package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.cli.RestoreCommand;
import io.github.wuproxy.cli.TrayCommand;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.ipc.ChannelAgentApi;
import io.github.wuproxy.ipc.HandedOverUserProxySource;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.ipc.IpcPolicy;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.Policy;
import io.github.wuproxy.port.UserProxyBackups;
import io.github.wuproxy.port.UserProxyWriter;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.InMemoryUserProxyBackups;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUserProxyStore;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import io.github.wuproxy.tray.TrayPresenter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service decides the user's own proxy; the tray in the user's session sets it, over the real
 * channel, and hands the new settings back: the status then shows the user holding what the profile wants.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the channel names its caller by SO_PEERCRED here; Windows callers use tokens")
class ServiceTrayUserProxyTest {
    private static final UserProxySettings OFFICE = UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"));
    @TempDir
    Path dir;

    @Test
    void atHomeTheServicesTraySetsTheUsersProxyDirectAndTheStatusSaysSo() throws Exception {
        var network = new ScriptedNetworkLocationSource();
        network.setQuietly(Fixtures.location("network/home-wifi-edited.json"));
        var user = SimulatedUserProxyStore.holding(OFFICE);
        byte[] original = user.bytes();
        var backups = new InMemoryUserProxyBackups();
        var handedOver = new HandedOverUserProxySource();
        handedOver.handOver(OFFICE);
        var hub = new StatusHub(new RecordingNotifier());
        var profiles = HoconProfileCatalog.of(Fixtures.resourceFolder("profiles/user-proxy-day"), "mobile").load();
        Agent agent = Agent.start(TestAdapters.simulated(network, InMemoryUpdateProxyStore.direct(), handedOver), new InMemoryStateStore(), hub,
                profiles, AgentSettings.defaults().withSettleDelay(Duration.ZERO).engine());
        var api = new LocalAgentApi(agent, new AgentActions(agent, new AgentPaths(dir, dir), new SimulatedUpdateScanner(), io.github.wuproxy.port.Policy.NONE, () -> io.github.wuproxy.port.Policy.NONE), hub, true);
        Path socket = new AgentPaths(dir, dir).socket();
        IpcServer channel = IpcServer.start(socket, IpcPolicy.ownerOnly(System.getProperty("user.name")),
                new AgentIpcHandler(api, agent, Optional.of(handedOver)).operations());
        hub.subscribe(new ChannelNotifier(channel, agent::profiles));
        var shown = new BothTraysTest.Recorded();
        var serviceApi = new ChannelAgentApi(new IpcClient(socket), Duration.ofMillis(200));
        var tray = new TrayPresenter(serviceApi, new TrayPresenter.Desk() {
            public void openProfiles() {}

            public void openLogs() {}

            public String diagnose() {
                return "";
            }

            public String version() {
                return "test";
            }

            public void exit() {}
        }, shown, ZoneOffset.UTC);
        try {
            tray.keepUserProxy(TrayCommand.userProxyStep(new RestoreCommand.UserStores() {
                public UserProxyWriter writer() {
                    return user;
                }

                public UserProxyBackups backups() {
                    return backups;
                }
            }, user, serviceApi));
            tray.attach(shown);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!hub.latest().map(AgentStatus::userProxy).flatMap(u -> u.held()).equals(Optional.of(UserProxySettings.DIRECT))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the status never showed the user direct: " + hub.latest());
                }
                Thread.sleep(20);
            }
            AgentStatus status = serviceApi.view().status().orElseThrow();
            assertEquals("home", status.profile());
            assertEquals(Optional.of(UserProxySettings.DIRECT), status.userProxy().wanted());
            assertEquals("profile home sets it", status.userProxy().why());
            assertEquals(Optional.of(UserProxySettings.DIRECT), user.current());
            assertEquals(1, user.writes(), "written once, not on every status");
            assertArrayEquals(original, backups.backup().orElseThrow().connectionSettings());
            while (!shown.menus.get(shown.menus.size() - 1).tooltip().contains("you direct")) { // the push reaches the tray a moment later
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the tray never said so: " + shown.menus.get(shown.menus.size() - 1).tooltip());
                }
                Thread.sleep(20);
            }
        } finally {
            tray.close();
            channel.close();
            agent.close();
        }
    }
}
