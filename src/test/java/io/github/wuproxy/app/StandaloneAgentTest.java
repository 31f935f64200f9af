package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.cli.AgentCommands;
import io.github.wuproxy.cli.WuProxyCli;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.ipc.IpcPolicy;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A standalone agent on this machine, driven over the real socket by the CLI. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "these tests name the caller as SO_PEERCRED does; Windows callers prove themselves by token (tested here too)")
class StandaloneAgentTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new WuProxyCli());
        AgentCommands.addTo(cli, () -> new AgentPaths(dir, dir).socket(), () -> java.util.List.of("corporate", "direct", "mobile"));
        io.github.wuproxy.cli.ProxyCommands.addTo(cli, new LocalMachine(new AgentPaths(dir, dir)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private record Started(Agent agent, StatusHub hub, ScriptedNetworkLocationSource network, InMemoryUpdateProxyStore store) {}

    /** An agent on simulated Windows with the shipped profiles, on the network of {@code location}, settling at once. */
    private static Started start(String location, io.github.wuproxy.port.UserProxySource user) throws Exception {
        var network = new ScriptedNetworkLocationSource();
        var store = InMemoryUpdateProxyStore.direct();
        network.setQuietly(Fixtures.location(location));
        var hub = new StatusHub(new RecordingNotifier());
        Agent agent = Agent.start(TestAdapters.simulated(network, store, user), new InMemoryStateStore(), hub, Fixtures.shippedProfiles(),
                AgentSettings.defaults().withSettleDelay(Duration.ZERO).engine());
        return new Started(agent, hub, network, store);
    }

    private java.util.Map<io.github.wuproxy.ipc.IpcProtocol.Op, io.github.wuproxy.ipc.IpcOperation> handler(Agent agent, StatusHub hub, java.util.Optional<io.github.wuproxy.ipc.HandedOverUserProxySource> handedOver,
            io.github.wuproxy.port.Policy policy) {
        var actions = new AgentActions(agent, new AgentPaths(dir, dir), new io.github.wuproxy.sim.SimulatedUpdateScanner(), policy, () -> policy);
        return new AgentIpcHandler(new LocalAgentApi(agent, actions, hub, true), agent, handedOver).operations();
    }

    @Test
    void aTrayHandsTheUsersOwnSettingsToTheService() throws Exception {
        var handedOver = new io.github.wuproxy.ipc.HandedOverUserProxySource();
        Started started = start("network/phone-tether-edited.json", handedOver);
        var network = started.network();
        var store = started.store();
        var hub = started.hub();
        Agent agent = started.agent();
        IpcServer channel = IpcServer.start(new AgentPaths(dir, dir).socket(), IpcPolicy.ownerOnly(System.getProperty("user.name")),
                handler(agent, hub, java.util.Optional.of(handedOver), io.github.wuproxy.port.Policy.NONE));
        try {
            var request = io.github.wuproxy.ipc.IpcClient.request("user-proxy");
            request.set("userProxy", io.github.wuproxy.json.UserProxyJson.write(
                    UserProxySettings.fixed(UpdateProxy.fixed("mine.example:8080", "<local>"))));
            var answer = new io.github.wuproxy.ipc.IpcClient(new AgentPaths(dir, dir).socket()).send(request);
            assertTrue(answer.path("ok").asBoolean(), answer.toString());
            assertEquals(3, answer.path("profiles").size());
            var done = new java.util.concurrent.CompletableFuture<Void>();
            agent.post(engine -> done.complete(null));
            done.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(UpdateProxy.fixed("mine.example:8080", "<local>"), store.current(), "mobile follows what the tray handed over");
            assertEquals("mobile", io.github.wuproxy.json.StatusJson.read(
                    new io.github.wuproxy.ipc.IpcClient(new AgentPaths(dir, dir).socket()).send(io.github.wuproxy.ipc.IpcClient.request("status"))
                            .path("status")).profile());
        } finally {
            channel.close();
            agent.close();
        }
    }

    @Test
    void policyRefusesUsersAChoiceButNotAdministrators() throws Exception {
        Started started = start("network/home-wifi-edited.json", new SimulatedUserProxySource(UserProxySettings.DIRECT));
        var network = started.network();
        var hub = started.hub();
        Agent agent = started.agent();
        var policy = new io.github.wuproxy.port.Policy(java.util.Optional.empty(), false, java.util.Set.of("direct"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        var operations = handler(agent, hub, java.util.Optional.empty(), policy);
        String me = System.getProperty("user.name");
        var use = io.github.wuproxy.ipc.IpcClient.request("use").put("profile", "corporate");
        try {
            try (var asUser = IpcServer.start(dir.resolve("user.sock"), new IpcPolicy(java.util.Set.of(me), java.util.Set.of()), () -> policy,
                    operations, io.github.wuproxy.ipc.AccountNames.ENGLISH, IpcServer.SocketAccess.FOLDER_DECIDES)) {
                var refused = new io.github.wuproxy.ipc.IpcClient(asUser.socket()).send(use.deepCopy());
                assertEquals("managed", refused.path("refusal").asText(), refused.toString());
                assertEquals("managed by your organisation: only direct may be chosen by hand", refused.path("error").asText());
            }
            try (var asAdmin = IpcServer.start(dir.resolve("admin.sock"), IpcPolicy.ownerOnly(me), () -> policy,
                    operations, io.github.wuproxy.ipc.AccountNames.ENGLISH, IpcServer.SocketAccess.FOLDER_DECIDES)) {
                var client = new io.github.wuproxy.ipc.IpcClient(asAdmin.socket());
                assertTrue(client.send(use.deepCopy()).path("ok").asBoolean(), "administrators are not bound");
                assertEquals("corporate", client.send(io.github.wuproxy.ipc.IpcClient.request("status")).path("status").path("profile").asText());
            }
        } finally {
            agent.close();
        }
    }

    @Test
    void theCliSwitchesTheProfileOfARunningAgent() throws Exception {
        var user = new SimulatedUserProxySource(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")));
        Started started = start("network/home-wifi-edited.json", user);
        var network = started.network();
        var store = started.store();
        var hub = started.hub();
        Agent agent = started.agent();
        IpcServer channel = IpcServer.start(new AgentPaths(dir, dir).socket(), IpcPolicy.ownerOnly(System.getProperty("user.name")),
                handler(agent, hub, java.util.Optional.empty(), io.github.wuproxy.port.Policy.NONE));
        try {
            assertEquals(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"), store.current(), "mobile follows the user");

            Run use = cli("use", "direct");
            assertEquals(0, use.exit(), use.err());
            assertTrue(use.out().startsWith("Profile:   direct (manual: chosen by hand for this network)"), use.out());
            assertEquals(UpdateProxy.direct(), store.current());

            Run status = cli("status", "--json");
            var json = Json.parse(status.out());
            assertEquals("direct", json.path("profile").asText());
            assertEquals("manual", json.path("basis").asText());
            assertEquals("direct", json.path("desired").path("mode").asText());

            Run wrong = cli("use", "office");
            assertEquals(2, wrong.exit());
            assertEquals("The agent refused: there is no profile office; profiles are corporate, direct, mobile", wrong.err().strip());
            Run typo = cli("use", "corprate");
            assertEquals(2, typo.exit());
            assertEquals("The agent refused: there is no profile corprate; profiles are corporate, direct, mobile. Did you mean `corporate`?",
                    typo.err().strip());

            assertEquals(0, cli("use", "auto").exit());
            assertEquals(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"), store.current());

            Run set = cli("set", "other.example:3128");
            assertEquals(0, set.exit(), set.err());
            assertTrue(set.out().contains("wuproxy is paused until `wuproxy resume`"), set.out());
            assertEquals(UpdateProxy.fixed("other.example:3128", ""), store.current());
            assertTrue(Json.parse(cli("status", "--json").out()).path("paused").asBoolean());

            Run whilePaused = cli("use", "corporate");
            assertEquals(0, whilePaused.exit(), whilePaused.err());
            assertTrue(whilePaused.out().contains("wuproxy is paused: the choice (corporate) is kept and takes effect when you run `wuproxy resume`"),
                    whilePaused.out());
            assertEquals(UpdateProxy.fixed("other.example:3128", ""), store.current(), "nothing changes while paused");
        } finally {
            channel.close();
            agent.close();
        }
        Run gone = cli("status");
        assertEquals(1, gone.exit());
        assertTrue(gone.err().startsWith("No wuproxy agent is running"), gone.err());
    }

    @Test
    void aJapaneseUserReadsTheAgentsReasonsAnswersAndRefusalsInJapaneseOverTheChannel() throws Exception {
        Started started = start("network/home-wifi-edited.json", new SimulatedUserProxySource(UserProxySettings.DIRECT));
        var network = started.network();
        var hub = started.hub();
        Agent agent = started.agent();
        IpcServer channel = IpcServer.start(new AgentPaths(dir, dir).socket(), IpcPolicy.ownerOnly(System.getProperty("user.name")),
                handler(agent, hub, java.util.Optional.empty(), io.github.wuproxy.port.Policy.NONE));
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.JAPANESE);
        try {
            Run use = cli("use", "direct");
            assertEquals(0, use.exit(), use.err());
            assertTrue(use.out().startsWith("プロファイル: direct (手動: このネットワーク用に手動で選択されました)\n"), use.out());
            assertEquals("chosen by hand for this network", Json.parse(cli("status", "--json").out()).path("why").asText(), "--json keeps its English");

            Run wrong = cli("use", "office");
            assertEquals(2, wrong.exit());
            assertTrue(wrong.err().startsWith("エージェントが拒否しました: プロファイル office はありません。使用できるプロファイルは corporate, direct, mobile です。"),
                    wrong.err());

            Run set = cli("set", "other.example:3128");
            assertEquals(0, set.exit(), set.err());
            assertTrue(set.out().startsWith("Windows Update のプロキシを other.example:3128 に設定しました (変更前: direct)。"), set.out());
            assertTrue(set.out().contains("`wuproxy resume` を実行するまで、wuproxy は自動の切り替えを一時停止します。"), set.out());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
            channel.close();
            agent.close();
        }
    }

    @Test
    void statusShowsTheProxyWindowsHoldsBesideTheOneWantedWhilePausedAfterReset() throws Exception {
        var user = new SimulatedUserProxySource(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")));
        Started started = start("network/corp-dock-wired-edited.json", user);
        var network = started.network();
        var store = started.store();
        var hub = started.hub();
        Agent agent = started.agent();
        IpcServer channel = IpcServer.start(new AgentPaths(dir, dir).socket(), IpcPolicy.ownerOnly(System.getProperty("user.name")),
                handler(agent, hub, java.util.Optional.empty(), io.github.wuproxy.port.Policy.NONE));
        try {
            assertEquals(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"), store.current());
            Run reset = cli("reset");
            assertEquals(0, reset.exit(), reset.err());
            assertEquals(UpdateProxy.direct(), store.current());

            var json = Json.parse(cli("status", "--json").out());
            assertTrue(json.path("paused").asBoolean());
            assertEquals("direct", json.path("held").path("mode").asText(), json.toString());
            assertEquals("proxy.corp.example.com:8080", json.path("desired").path("server").asText(), json.toString());
            assertEquals(0, json.path("problems").size());
            Run text = cli("status");
            assertTrue(text.out().contains("WU proxy:  direct (the profile wants proxy.corp.example.com:8080"), text.out());
        } finally {
            channel.close();
            agent.close();
        }
    }
}
