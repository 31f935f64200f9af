package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.cli.DiagnoseCommand;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.sim.PersistentSimulatedStore;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.ScriptedScanSource;
import io.github.wuproxy.sim.SimulatedProxyVerifier;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.port.UpdatePolicy;
import io.github.wuproxy.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `wuproxy diagnose` on a simulated machine with a planted mismatch, planted secrets, a 407 proxy and a failed scan. */
class DiagnoseCommandTest {
    private static final String SECRET = "s3cret";
    private static final String CORP = "proxy.corp.example.com:8080";

    @TempDir
    Path dir;
    private AgentPaths paths;
    private Adapters adapters;
    private UpdateStores windowsStores = UpdateStores.NOT_WINDOWS;

    @BeforeEach
    void plantAMachine() throws Exception {
        Path install = Files.createDirectories(dir.resolve("install"));
        Files.createSymbolicLink(install.resolve("profiles"), Fixtures.shippedProfilesFolder().toAbsolutePath());
        paths = new AgentPaths(install, Files.createDirectories(dir.resolve("data")));
        var store = PersistentSimulatedStore.open(paths.simulatedMachine());
        store.writeWinHttp(UpdateProxy.fixed(CORP, "<local>"));
        store.writeBits(UpdateProxy.direct()); // the planted mismatch: scans through the proxy, downloads direct
        var network = new ScriptedNetworkLocationSource();
        network.setQuietly(Fixtures.location("network/corp-dock-wired-edited.json"));
        var user = new SimulatedUserProxySource(UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat?token=" + SECRET));
        var verifier = new SimulatedProxyVerifier();
        verifier.set(CORP, SimulatedProxyVerifier.Answer.WANTS_PASSWORD);
        var scans = new ScriptedScanSource();
        scans.report(ScanResult.failed(Instant.parse("2026-11-23T08:00:00Z"), 0x8024402C));
        adapters = new Adapters("simulated for the test", network, store, user, new ProbedPacResolver(),
                new SimulatedUpdateService(store::current), new SimulatedUpdateScanner(), verifier, scans);
        Files.createDirectories(paths.logs());
        Files.writeString(paths.logs().resolve("wuproxy.log"), String.join("\n",
                "2026-11-23 07:59:00 INFO start",
                "2026-11-23 08:00:01 ERROR WUP400 Could not work out the proxy: http://wpad.corp.example.com/wpad.dat?token=" + SECRET,
                "2026-11-23 08:00:02 INFO user proxy http://alice:" + SECRET + "@proxy.corp.example.com:8080",
                "2026-11-23 08:00:03 INFO network changed: SSID Cafe 2026-11-23 08:00:03 ERROR WUP201 forged by an SSID", ""));
        new ProblemJournal(paths.problems(), new io.github.wuproxy.testing.RecordingNotifier(),
                java.time.Clock.fixed(Instant.parse("2026-11-23T08:00:01Z"), java.time.ZoneOffset.UTC))
                .problem(new io.github.wuproxy.core.problem.Problem(io.github.wuproxy.core.problem.ProblemCode.PROXY_UNRESOLVED,
                        io.github.wuproxy.core.problem.Severity.ERROR, "Could not work out the proxy",
                        "http://wpad.corp.example.com/wpad.dat?token=" + SECRET + " did not answer", "check the script"));
    }

    private record Run(int exit, String out, String err) {}

    private Run diagnose(String... args) {
        var command = new DiagnoseCommand(() -> new Diagnosis(paths, adapters,
                Map.of("HTTPS_PROXY", "http://alice:" + SECRET + "@" + CORP), UpdatePolicy.NONE, "", windowsStores).gather(), paths.logs(),
                () -> Optional.of(dir.resolve("share")), Adapters.folderPermissions());
        var cli = new CommandLine(command);
        var out = new StringWriter();
        var err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void reportsThePlantedMismatchWithWhatItBreaks() {
        Run run = diagnose();
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("! scans use " + CORP + " (bypass <local>) but BITS downloads use direct\n"
                + "    breaks: updates may be found but fail to download"), run.out());
        assertTrue(run.out().contains("Profile: corporate (rule): network-category domain-authenticated"), run.out());
        assertTrue(run.out().contains("auth-required"), run.out());
        assertTrue(run.out().contains("0x8024402C  WU_E_PT_WINHTTP_NAME_NOT_RESOLVED"), run.out());
        assertTrue(run.out().contains("2026-11-23T08:00:01Z WUP400 Could not work out the proxy"), "recent problems come from the journal");
        assertFalse(run.out().contains("forged"), "never from log text");
    }

    @Test
    void aFallbackVerifyChoseIsNoMismatch() throws Exception {
        Files.createDirectories(paths.data().resolve("profiles"));
        Files.writeString(paths.data().resolve("profiles/lab.conf"), String.join("\n",
                "priority = 200", "proxy { source = fixed, server = \"lab.example:3129\" }", "verify = required",
                "fallback = [ \"lab.example:3128\" ]", "when = { dns-suffix = corp.example.com }", ""));
        var verifier = new SimulatedProxyVerifier();
        verifier.set("lab.example:3129", SimulatedProxyVerifier.Answer.DOWN);
        adapters.store().writeWinHttp(UpdateProxy.fixed("lab.example:3128", "<local>")); // as the engine writes the fallback
        adapters = new Adapters("simulated for the test", adapters.network(), adapters.store(), adapters.user(), adapters.pac(),
                adapters.service(), adapters.scanner(), verifier, adapters.scans());
        JsonNode report = Json.parse(diagnose("--json").out());
        assertEquals("lab", report.path("decision").path("profile").asText());
        report.path("mismatches").forEach(m -> assertTrue(!m.path("what").asText().contains("wants"), m.toString()));

        verifier.set("lab.example:3128", SimulatedProxyVerifier.Answer.DOWN); // no candidate gets through: the profile's own is wanted
        JsonNode failing = Json.parse(diagnose("--json").out());
        List<String> mismatches = new ArrayList<>();
        failing.path("mismatches").forEach(m -> mismatches.add(m.path("what").asText()));
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("profile lab wants lab.example:3129")), mismatches.toString());
    }

    @Test
    void jsonCarriesTheSameFindings() throws Exception {
        JsonNode report = Json.parse(diagnose("--json").out());
        List<String> mismatches = new ArrayList<>();
        report.path("mismatches").forEach(m -> mismatches.add(m.path("what").asText()));
        assertTrue(mismatches.contains("scans use " + CORP + " (bypass <local>) but BITS downloads use direct"), mismatches.toString());
        assertEquals("corporate", report.path("decision").path("profile").asText());
        JsonNode check = report.path("checks").get(0);
        assertEquals("auth-required", check.path("outcome").asText());
        assertEquals("0x8024401B", check.path("wouldFailWith").asText());
        assertEquals("0x8024402C", report.path("scans").get(0).path("result").asText());
    }

    private static String advproxy(String fixture) throws Exception {
        return Files.readString(Fixtures.resourceFolder("fixtures").resolve("winhttp").resolve(fixture), StandardCharsets.ISO_8859_1);
    }

    @Test
    void showsEveryStoreThatDecidesUpdatesAndWhatEachMismatchBreaks() throws Exception {
        windowsStores = new UpdateStores(true, Map.of("machine", Optional.of(advproxy("netsh-show-advproxy.documented-edited.txt")),
                "user", Optional.of(advproxy("netsh-show-advproxy.two-keys-edited.txt").replace("proxy.corp.example:8080", CORP))),
                Optional.empty(), java.util.OptionalInt.of(0),
                Optional.of(UserProxySettings.fixed(UpdateProxy.fixed("proxy.home.example:3128", ""))),
                Optional.of(Instant.parse("2026-11-30T14:37:05Z")));
        Run run = diagnose();
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Advanced WinHTTP store, machine      automatic detection, then proxy http=http-proxy.com:8080;"),
                run.out());
        assertTrue(run.out().contains("Advanced WinHTTP store, user         proxy " + CORP + " (bypass <local>;*.corp.example)\n"), run.out());
        assertTrue(run.out().contains("ProxySettingsPerUser (policy)        0 (per machine: one WinINet setting for every user and service)\n"),
                run.out());
        assertTrue(run.out().contains("Delivery Optimization downloads      proxy proxy.home.example:3128, from the machine-wide WinINet settings (ProxySettingsPerUser = 0)\n"),
                run.out());
        assertTrue(run.out().contains("! the advanced WinHTTP proxy store (machine) holds automatic detection"), run.out());
        assertTrue(run.out().contains("    affects: other programs, not Windows Update\n"), run.out());
        assertFalse(run.out().contains("store (user) holds"), "the user scope holds the scans' own proxy: no mismatch");
        assertTrue(run.out().contains("  next scheduled scan: 2026-11-30T14:37:05Z\n"), run.out());
        assertTrue(run.out().contains("! Delivery Optimization downloads use proxy proxy.home.example:3128 (machine-wide, ProxySettingsPerUser = 0)"
                + " but profile corporate wants direct here\n    breaks: updates may be found but fail to download"), run.out());

        JsonNode report = Json.parse(diagnose("--json").out());
        List<String> affects = new ArrayList<>();
        report.path("mismatches").forEach(m -> affects.add(m.path("affects").asText()));
        assertEquals(List.of("scans", "downloads", "other programs, not Windows Update", "downloads"), affects,
                report.path("mismatches").toString());
        assertEquals(0, report.path("stores").path("proxySettingsPerUser").asInt());
        assertEquals("proxy proxy.home.example:3128", report.path("stores").path("downloads").path("proxy").asText());
    }

    @Test
    void saysWhenThisWindowsHasNoAdvancedStoreAndUsesTheUsersOwnSettingsForDownloads() throws Exception {
        windowsStores = new UpdateStores(true, Map.of("machine", Optional.empty(), "user", Optional.empty()), Optional.empty(),
                java.util.OptionalInt.empty(), Optional.empty(), Optional.empty());
        Run run = diagnose();
        assertTrue(run.out().contains("Advanced WinHTTP store               " + UpdateStoreViews.ABSENT + "\n"), run.out());
        assertTrue(run.out().contains("ProxySettingsPerUser (policy)        not set (per user)\n"), run.out());
        assertTrue(run.out().contains("Delivery Optimization downloads      setup script http://wpad.corp.example.com/wpad.dat"), run.out());
        assertFalse(run.out().contains("Delivery Optimization downloads use"), "a setup script answers per network: not compared");
        assertTrue(run.out().contains("  next scheduled scan: unknown (no Schedule Scan task, or no right to read it)\n"), run.out());
        assertFalse(run.out().contains(SECRET), run.out());
    }

    @Test
    void aPasswordInTheAdvancedStoreNeverReachesTheReport() throws Exception {
        for (String password : io.github.wuproxy.testing.HostileStrings.PASSWORDS) {
            String url = "http://alice:" + password + "@" + CORP;
            String shown = "{\"Proxy\":" + Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(url)) + ",\"AutoconfigUrl\":"
                    + Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(url + "/p.pac")) + "}";
            windowsStores = new UpdateStores(true, Map.of("machine", Optional.of(shown)), Optional.empty(), java.util.OptionalInt.empty(),
                    Optional.empty(), Optional.empty());
            assertNoSecret(password, diagnose().out());
            assertNoSecret(password, diagnose("--json").out());
        }
    }

    @Test
    void uploadsTheBundleToThePolicyFolder() throws Exception {
        Files.createDirectories(dir.resolve("share"));
        Run run = diagnose("--upload");
        assertEquals(0, run.exit(), run.err());
        try (var files = Files.list(dir.resolve("share"))) {
            List<Path> zips = files.toList();
            assertEquals(1, zips.size());
            assertTrue(zips.get(0).getFileName().toString().matches(".+-\\d{14}\\.zip"), zips.toString());
        }
    }

    @Test
    void neitherTheReportNorTheBundleCarriesASecret() throws Exception {
        Path zip = dir.resolve("help-desk.zip");
        Run text = diagnose("--bundle", zip.toString());
        Run json = diagnose("--json");
        assertFalse(text.out().contains(SECRET), text.out());
        assertFalse(json.out().contains(SECRET), json.out());
        assertTrue(text.out().contains("http://***@" + CORP), "the variable is shown, without its password");
        try (var bundle = new ZipFile(zip.toFile())) {
            List<String> names = bundle.stream().map(e -> e.getName()).toList();
            assertEquals(List.of("report.txt", "report.json", "log-tail.txt"), names);
            for (var entry : bundle.stream().toList()) {
                String content = new String(bundle.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(content.contains(SECRET), entry.getName() + ": " + content);
                assertFalse(content.isBlank(), entry.getName());
            }
        }
        assertTrue(text.err().startsWith("Wrote "), text.err());
    }

    /** Each password planted in every store diagnose shows, raw blobs included: none reaches the text, the JSON or the bundle. */
    @Test
    void noPasswordWithAtSlashColonOrPercentLeaksFromAnyStore() throws Exception {
        var store = PersistentSimulatedStore.open(paths.simulatedMachine());
        for (String password : io.github.wuproxy.testing.HostileStrings.PASSWORDS) {
            String url = "http://alice:" + password + "@" + CORP;
            byte[] winHttpBlob = ("\u0018\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0003\u0000\u0000\u0000" + url + "\u0000")
                    .getBytes(StandardCharsets.ISO_8859_1);
            String bitsBlob = java.util.HexFormat.of().formatHex(("\u0003\u0000" + url).getBytes(StandardCharsets.UTF_16LE));
            store.restore(new io.github.wuproxy.port.StoredSettings(winHttpBlob, Optional.empty(),
                    Map.of("LocalSystem", bitsBlob, "NetworkService", url, "LocalService", "proxy " + url), Optional.empty()));
            adapters = new Adapters("simulated", adapters.network(), store, new SimulatedUserProxySource(UserProxySettings.pac(url + "/wpad.dat")),
                    adapters.pac(), adapters.service(), adapters.scanner(), adapters.verifier(), adapters.scans());
            Files.writeString(paths.logs().resolve("wuproxy.log"), "2026-11-23 08:00:01 ERROR WUP400 via " + url + "\n");
            Path zip = dir.resolve("bundle.zip");
            var command = new DiagnoseCommand(() -> new Diagnosis(paths, adapters, Map.of("HTTPS_PROXY", url, "no_proxy", url),
                    new UpdatePolicy(true, Optional.of(url)), "").gather(), paths.logs(), Optional::empty, Adapters.folderPermissions());
            for (String[] args : List.of(new String[] {"--bundle", zip.toString()}, new String[] {"--json"})) {
                var out = new StringWriter();
                var cli = new CommandLine(command);
                cli.setOut(new PrintWriter(out, true));
                cli.setErr(new PrintWriter(new StringWriter(), true));
                assertEquals(0, cli.execute(args));
                assertNoSecret(password, out.toString());
            }
            try (var bundle = new ZipFile(zip.toFile())) {
                for (var entry : bundle.stream().toList()) {
                    assertNoSecret(password, new String(bundle.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void assertNoSecret(String password, String printed) {
        var hex = java.util.HexFormat.of();
        for (String form : List.of(password, "alice", hex.formatHex(password.getBytes(StandardCharsets.ISO_8859_1)),
                hex.formatHex(password.getBytes(StandardCharsets.UTF_16LE)), hex.formatHex("alice".getBytes(StandardCharsets.UTF_16LE)))) {
            assertFalse(printed.contains(form), "found " + form + " in\n" + printed);
        }
    }

    @Test
    void aFifoInPlaceOfTheLogDoesNotHangTheBundle() throws Exception {
        Files.delete(paths.logs().resolve("wuproxy.log"));
        assertEquals(0, new ProcessBuilder("mkfifo", paths.logs().resolve("wuproxy.log").toString()).start().waitFor());
        Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> diagnose("--bundle", dir.resolve("fifo.zip").toString()));
        assertEquals(0, run.exit(), run.err());
        try (var bundle = new ZipFile(dir.resolve("fifo.zip").toFile())) {
            assertTrue(new String(bundle.getInputStream(bundle.getEntry("log-tail.txt")).readAllBytes(), StandardCharsets.UTF_8)
                    .startsWith("no agent log at "));
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fifo.zip"))),
                "a bundle is for its owner only");
    }
}
