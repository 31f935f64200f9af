package io.github.wuproxy.app;

import static io.github.wuproxy.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.ipc.ChannelAgentApi;
import io.github.wuproxy.ipc.HandedOverUserProxySource;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.ipc.IpcPolicy;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import io.github.wuproxy.port.Policy;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import io.github.wuproxy.tray.Notices;
import io.github.wuproxy.tray.TrayMenu;
import io.github.wuproxy.tray.TrayPresenter;
import io.github.wuproxy.tray.TrayView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's own tray (in process) and the service's tray (over the real socket) render the same
 * status: the same problems, each notified once, each shown until its own cause clears.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the channel names its caller by SO_PEERCRED here; Windows callers use tokens")
class BothTraysTest {
    @TempDir
    Path dir;

    /** What a tray showed and said, from any thread. */
    static final class Recorded implements TrayView, Notices {
        final List<TrayMenu> menus = new CopyOnWriteArrayList<>();
        final List<String> problems = new CopyOnWriteArrayList<>();
        final List<String> switches = new CopyOnWriteArrayList<>();

        @Override
        public void show(TrayMenu menu) {
            menus.add(menu);
        }

        @Override
        public void close() {}

        @Override
        public void switched(String profile, String proxy, String why) {
            switches.add(profile + " " + proxy);
        }

        @Override
        public void problem(String headline) {
            problems.add(headline);
        }

        @Override
        public void info(String title, String text) {}

        String statusLine() {
            return menus.isEmpty() ? "" : menus.get(menus.size() - 1).statusLine();
        }
    }



    private static List<ProblemCode> active(Optional<AgentStatus> status) {
        return status.map(s -> s.problems().stream().map(p -> p.problem().code()).toList()).orElse(List.of());
    }

    @Test
    void clearingOneOfTwoProblemsLeavesTheOtherShownInBothTraysEachNotifiedOnce() throws Exception {
        var network = new ScriptedNetworkLocationSource();
        var store = InMemoryUpdateProxyStore.direct();
        var handedOver = new HandedOverUserProxySource(); // nothing handed over yet: mobile cannot follow the user (WUP400)
        network.setQuietly(Fixtures.location("network/home-wifi-edited.json"));
        var hub = new StatusHub(new RecordingNotifier());
        Agent agent = Agent.start(TestAdapters.simulated(network, store, handedOver), new InMemoryStateStore(), hub,
                Fixtures.shippedProfiles(), AgentSettings.defaults().withSettleDelay(Duration.ZERO).engine());
        var actions = new AgentActions(agent, new AgentPaths(dir, dir), new SimulatedUpdateScanner(), io.github.wuproxy.port.Policy.NONE, () -> io.github.wuproxy.port.Policy.NONE);
        var api = new LocalAgentApi(agent, actions, hub, true);
        Path socket = new AgentPaths(dir, dir).socket();
        IpcServer channel = IpcServer.start(socket, IpcPolicy.ownerOnly(System.getProperty("user.name")),
                new AgentIpcHandler(api, agent, Optional.of(handedOver)).operations());
        hub.subscribe(new ChannelNotifier(channel, agent::profiles));
        var own = new Recorded();
        var service = new Recorded();
        var ownTray = new TrayPresenter(api, NoDesk.INSTANCE, own, ZoneOffset.UTC);
        var serviceApi = new ChannelAgentApi(new IpcClient(socket), Duration.ofMillis(200));
        var serviceTray = new TrayPresenter(serviceApi, NoDesk.INSTANCE, service, ZoneOffset.UTC);
        try {
            ownTray.attach(own);
            serviceTray.attach(service);
            await("both trays show WUP400", () -> own.statusLine().startsWith("Problem: Could not work out the Windows Update proxy for this profile (WUP400)")
                    && service.statusLine().startsWith("Problem: Could not work out the Windows Update proxy for this profile (WUP400)"));

            agent.post(e -> e.scanFinished(ScanResult.failed(Instant.now(), 0x80072EFD))); // healed: one new scan
            agent.post(e -> e.scanFinished(ScanResult.failed(Instant.now(), 0x80072EFD))); // and it failed too: WUP600
            await("two problems are active", () -> active(hub.latest()).size() == 2);
            await("both trays show two", () -> own.statusLine().endsWith("(+1 more)") && service.statusLine().endsWith("(+1 more)"));

            handedOver.handOver(UserProxySettings.fixed(UpdateProxy.fixed("mine.example:8080", "")));
            agent.post(io.github.wuproxy.engine.SyncEngine::userProxyChanged);
            await("WUP400 clears", () -> active(hub.latest()).equals(List.of(ProblemCode.SCAN_FAILED)));
            await("both trays still show WUP600", () -> own.statusLine().startsWith("Problem: Windows Update still fails")
                    && service.statusLine().startsWith("Problem: Windows Update still fails")
                    && !service.statusLine().contains("more"));
            assertEquals(UpdateProxy.fixed("mine.example:8080", ""), store.current());
            AgentView seen = serviceApi.view();
            assertEquals(List.of(ProblemCode.SCAN_FAILED), active(seen.status()), "status over the channel carries the problem");

            agent.post(io.github.wuproxy.engine.SyncEngine::syncNow); // more status pushes change nothing
            agent.post(e -> e.scanFinished(ScanResult.failed(Instant.now(), 0x80072EFD)));
            Thread.sleep(500);
            for (Recorded tray : List.of(own, service)) {
                assertEquals(1, tray.problems.stream().filter(p -> p.startsWith("Could not work out")).count(), tray.problems.toString());
                assertEquals(1, tray.problems.stream().filter(p -> p.startsWith("Windows Update still fails")).count(), tray.problems.toString());
                assertTrue(tray.statusLine().startsWith("Problem: Windows Update still fails"), tray.statusLine());
                assertEquals(TrayMenu.Icon.PROBLEM, tray.menus.get(tray.menus.size() - 1).icon());
            }
        } finally {
            serviceTray.close();
            ownTray.close();
            channel.close();
            agent.close();
        }
    }
}
