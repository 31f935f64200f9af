package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The proxycfg verbs acting directly, as they do when no agent runs. */
class ProxyCommandsTest {
    @TempDir
    Path dir;
    private final InMemoryUpdateProxyStore store = InMemoryUpdateProxyStore.holding(UpdateProxy.fixed("old.example:3128", ""));
    private final SimulatedUpdateService service = new SimulatedUpdateService(store::current);
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final SimulatedUserProxySource user = new SimulatedUserProxySource(
            new UserProxySettings(true, java.util.Optional.empty(), java.util.Optional.of(UpdateProxy.fixed("mine.example:8080", "<local>"))));

    private final Machine machine = new Machine() {
        @Override
        public UpdateProxyStore store() {
            return store;
        }

        @Override
        public UpdateService service() {
            return service;
        }

        @Override
        public StateStore state() {
            return state;
        }

        @Override
        public UserProxySource user() {
            return user;
        }

        @Override
        public Path socket() {
            return dir.resolve("agent.sock");
        }
    };

    private String[] run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new WuProxyCli());
        ProxyCommands.addTo(cli, machine);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void setVerifiesRestartsAndBacksUpTheOriginalFirst() throws Exception {
        String[] result = run("set", "proxy.corp.example:8080", "<local>;*.corp.example");
        assertEquals("0", result[0], result[2]);
        assertEquals("Windows Update proxy set to proxy.corp.example:8080 (bypass <local>;*.corp.example) (was old.example:3128); "
                + "Windows Update was restarted to use it.", result[1].strip());
        assertEquals(UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example"), service.effective());
        assertEquals(java.util.Optional.of(UpdateProxy.fixed("old.example:3128", "")), state.backup().orElseThrow().original().winHttp());
    }

    @Test
    void importTakesOnlyTheManualProxyAsNetshDoes() {
        assertEquals("0", run("import")[0]);
        assertEquals(UpdateProxy.fixed("mine.example:8080", "<local>"), store.current());
        user.set(UserProxySettings.pac("http://wpad.example/wpad.dat"));
        run("import");
        assertEquals(UpdateProxy.direct(), store.current(), "a setup script alone imports as direct");
    }

    @Test
    void resetAndShowSpeakLikeNetsh() {
        assertEquals("0", run("reset")[0]);
        String shown = run("show")[1];
        assertTrue(shown.contains("    Direct access (no proxy server)."), shown);
        assertTrue(shown.contains("Your own proxy settings: automatic detection"), shown);
        run("set", "p.example:80");
        assertTrue(run("show")[1].contains("    Proxy Server(s) :  p.example:80\n    Bypass List     :  (none)"));
    }

    @Test
    void aRefusalExitsThreeAndABadProxyTwo() {
        store.failNextWrite(StoreException.Reason.DENIED);
        String[] denied = run("set", "p.example:80");
        assertEquals("3", denied[0]);
        assertTrue(denied[2].startsWith("Windows refused to change the Windows Update proxy (WUP200). Changing the machine-wide proxy needs"
                + " administrator rights"), denied[2]);
        assertTrue(denied[2].contains("\nDetails: WUP200 Could not set the Windows Update proxy to p.example:80"), denied[2]);
        assertEquals(UpdateProxy.fixed("old.example:3128", ""), store.current(), "nothing half-applied");
        String[] bad = run("set", "p.example:99999");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].startsWith("Not a proxy WinHTTP can use: proxy entry \"p.example:99999\""), bad[2]);
    }

    @Test
    void showPrintsNoPasswordOfAnyShape() {
        for (String password : io.github.wuproxy.testing.HostileStrings.PASSWORDS) {
            user.set(UserProxySettings.pac("http://alice:" + password + "@wpad.example/wpad.dat"));
            store.restore(new io.github.wuproxy.port.StoredSettings(("\u0018\u0000\u0000\u0000http://alice:" + password + "@p.example:80")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.util.Optional.empty(),
                    java.util.Map.of("LocalSystem", "http=alice:" + password + "@p.example:80"), java.util.Optional.empty()));
            String[] run = run("show");
            String shown = run[1] + run[2];
            assertTrue(!shown.contains(password) && !shown.contains("alice") && shown.contains("setup script http://***@wpad.example"), shown);
        }
    }

    @Test
    void setAnswersInJapaneseWhenTheDisplayLanguageIsJapanese() {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.JAPANESE);
        try {
            String[] result = run("set", "proxy.corp.example:8080");
            assertEquals("0", result[0], result[2]);
            assertEquals("Windows Update のプロキシを proxy.corp.example:8080 に設定しました (変更前: old.example:3128)。"
                    + "反映するため Windows Update を再起動しました。", result[1].strip());
            assertEquals("Windows Update のプロキシは既に proxy.corp.example:8080 です。何も変更していません。", run("set", "proxy.corp.example:8080")[1].strip());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void theAgentsAnswerReadsInJapaneseAndKeepsItsEnglishForTheLog() throws Exception {
        var answer = new io.github.wuproxy.port.ProxySetAnswer(UpdateProxy.direct(), true, java.util.Optional.empty(), false, true);
        assertEquals("Windows Update proxy set to direct (was unknown). wuproxy is paused until `wuproxy resume`.", answer.english());
        var read = io.github.wuproxy.json.ProxySetAnswerJson.read(io.github.wuproxy.json.Json.parse(
                io.github.wuproxy.json.ProxySetAnswerJson.write(answer).toString()));
        assertEquals(answer, read);
        assertEquals(answer.english(), ProxyCommands.said(read));
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.JAPANESE);
        try {
            assertEquals("Windows Update のプロキシを direct に設定しました (変更前: 不明)。`wuproxy resume` を実行するまで、wuproxy は自動の切り替えを一時停止します。",
                    ProxyCommands.said(read));
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
        }
    }
}
