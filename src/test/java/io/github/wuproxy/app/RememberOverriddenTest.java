package io.github.wuproxy.app;

import static io.github.wuproxy.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.cli.AgentCommands;
import io.github.wuproxy.cli.WuProxyCli;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.ipc.ChannelAgentApi;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.ipc.IpcPolicy;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.port.Remembered;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import io.github.wuproxy.tray.Notices;
import io.github.wuproxy.tray.TrayMenu;
import io.github.wuproxy.tray.TrayMenus;
import io.github.wuproxy.tray.TrayPresenter;
import io.github.wuproxy.tray.TrayView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * "Remember this network as" a profile that a higher-priority rule still beats says so at once, and offers to
 * keep the choice: the kept rule gets a priority above the winner's, in the tray and the CLI, over the real channel.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the channel names its caller by SO_PEERCRED here; Windows callers use tokens")
class RememberOverriddenTest {
    @TempDir
    Path data;

    private Agent agent;
    private AgentActions actions;
    private LocalAgentApi api;
    private IpcServer channel;
    private Path socket;

    @BeforeEach
    void atTheOfficeWhereCorporateRules() throws Exception {
        var network = new ScriptedNetworkLocationSource();
        network.setQuietly(Fixtures.location("network/corp-dock-wired-edited.json"));
        var user = new SimulatedUserProxySource(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")));
        var hub = new StatusHub(new RecordingNotifier());
        agent = Agent.start(TestAdapters.simulated(network, InMemoryUpdateProxyStore.direct(), user), new InMemoryStateStore(), hub,
                Fixtures.shippedProfiles(), AgentSettings.defaults().withSettleDelay(Duration.ZERO).engine());
        var paths = new AgentPaths(Path.of("").toAbsolutePath(), data);
        actions = new AgentActions(agent, paths, new SimulatedUpdateScanner(), io.github.wuproxy.port.Policy.NONE,
                () -> io.github.wuproxy.port.Policy.NONE);
        api = new LocalAgentApi(agent, actions, hub, true);
        socket = data.resolve("wuproxy.sock");
        channel = IpcServer.start(socket, IpcPolicy.ownerOnly(System.getProperty("user.name")),
                new AgentIpcHandler(api, agent, Optional.empty()).operations());
        hub.subscribe(new ChannelNotifier(channel, agent::profiles));
    }

    @AfterEach
    void close() throws Exception {
        channel.close();
        agent.close();
    }

    private String profileInForce() throws Exception {
        return agent.call(e -> e.status().orElseThrow().profile());
    }

    private static long count(String text, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }

    @Test
    void rememberingDirectSaysCorporateStillAppliesAndKeepingItMakesDirectApply() throws Exception {
        Remembered plain = actions.remember("direct", false);
        assertEquals(Optional.of(new Remembered.Winner("corporate", 100)), plain.stillApplies());
        assertEquals(50, plain.priority());
        assertEquals("corporate", profileInForce());

        Remembered kept = actions.remember("direct", true);
        assertEquals(101, kept.priority(), "one above the rule that won here");
        assertEquals(Optional.empty(), kept.stillApplies());
        assertEquals("direct", profileInForce());
        String copy = Files.readString(data.resolve("profiles/direct.conf"));
        assertEquals(1, count(copy, "when += { gateway-mac"), "the kept rule replaces the plain one: " + copy);
        assertTrue(copy.contains("priority = 101 }"), copy);

        assertTrue(actions.remember("direct", false).stillApplies().isEmpty(), "remembering the profile in force says nothing more");
    }

    /** A tray's menu and notifications, from any thread. */
    static final class Recorded implements TrayView, Notices {
        final List<TrayMenu> menus = new CopyOnWriteArrayList<>();
        final List<String> infos = new CopyOnWriteArrayList<>();

        @Override
        public void show(TrayMenu menu) {
            menus.add(menu);
        }

        @Override
        public void close() {}

        @Override
        public void switched(String profile, String proxy, String why) {}

        @Override
        public void problem(String headline) {}

        @Override
        public void info(String title, String text) {
            infos.add(title + " | " + text);
        }

        Optional<TrayMenu.Action> item(String id) {
            return menus.isEmpty() ? Optional.empty() : menus.get(menus.size() - 1).items().stream()
                    .filter(i -> i instanceof TrayMenu.Action a && a.id().equals(id)).map(TrayMenu.Action.class::cast).findFirst();
        }
    }



    @Test
    void theServicesTrayOffersToKeepTheChoiceAndKeepsItOverTheChannel() throws Exception {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        var tray = new Recorded();
        var presenter = new TrayPresenter(new ChannelAgentApi(new IpcClient(socket), Duration.ofMillis(200)), NoDesk.INSTANCE, tray, ZoneOffset.UTC);
        try {
            presenter.attach(tray);
            await("the tray shows corporate", () -> !tray.menus.isEmpty() && tray.menus.get(tray.menus.size() - 1).profile().equals("corporate"));
            presenter.selected(TrayMenus.REMEMBER + "direct");
            await("the keep offer is in the menu", () -> tray.item(TrayMenus.KEEP_REMEMBERED + "direct").isPresent());
            assertEquals("Always use direct on this network", tray.item(TrayMenus.KEEP_REMEMBERED + "direct").orElseThrow().label());
            assertEquals(List.of("corporate still applies here | Its rule (priority 100) beats yours (50). The menu now offers to keep direct."),
                    tray.infos);

            presenter.selected(TrayMenus.KEEP_REMEMBERED + "direct");
            await("direct applies and the offer is gone", () -> tray.menus.get(tray.menus.size() - 1).profile().equals("direct")
                    && tray.item(TrayMenus.KEEP_REMEMBERED + "direct").isEmpty());
            assertEquals("direct", profileInForce());
            await("the tray said it kept it", () -> tray.infos.size() == 2);
            assertEquals("direct now always applies here | The rule for this network now has priority 101, above the one that won.", tray.infos.get(1));
        } finally {
            presenter.close();
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    private String cli(String... args) {
        CommandLine cli = new CommandLine(new WuProxyCli());
        AgentCommands.addTo(cli, () -> socket, List::of);
        WuProxyCli.finish(cli);
        var out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args) + " " + out;
    }

    @Test
    void theCliSaysWhatStillAppliesAndKeepsWithKeep() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            String plain = cli("remember", "direct");
            assertTrue(plain.startsWith("0 "), plain);
            assertTrue(plain.contains("But profile corporate still applies here: its rule wins with priority 100 over 50. "
                    + "To use direct here, run `wuproxy remember direct --keep`."), plain);
            String kept = cli("remember", "direct", "--keep");
            assertTrue(kept.contains("This network now always uses direct: its rule has priority 101, above the rule that won here"), kept);
            assertTrue(kept.contains("Profile:   direct (rule:"), kept);
            assertEquals("direct", profileInForce());
        } finally {
            Locale.setDefault(before);
        }
    }
}
