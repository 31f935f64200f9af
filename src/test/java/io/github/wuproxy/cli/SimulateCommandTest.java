package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            if (!line.isBlank()) {
                nodes.add(Json.parse(line));
            }
        }
        return nodes;
    }

    @Test
    void replaysTheCommuteWithEveryScanFitting() throws Exception {
        assertEquals(0, run(Fixtures.resourceFolder("timelines").resolve("commute.jsonl").toString()));
        List<JsonNode> lines = lines();
        JsonNode summary = lines.get(lines.size() - 1);
        assertEquals("summary", summary.get("type").asText());
        assertEquals(6, summary.get("scans").asInt());
        assertEquals(6, summary.get("scansFitting").asInt());
        assertEquals(4, summary.get("writes").asInt());
        assertEquals(2.0, summary.get("wrongProxySeconds").asDouble(), "one settle window of 2 s: the office at t=0 is the start network");
        double last = 0;
        for (JsonNode line : lines) {
            assertTrue(line.get("t").asDouble() >= last, "lines are in time order");
            last = line.get("t").asDouble();
        }
        JsonNode firstWrite = lines.stream().filter(l -> l.get("type").asText().equals("write")).findFirst().orElseThrow();
        assertEquals("1800000000000000030000001b00000070726f78792e636f72702e6578616d706c652e636f6d3a38303830070000003c6c6f63616c3e",
                firstWrite.get("winHttpSettings").asText());
    }

    @Test
    void reportsFaultsAndRecoversFromThem() throws Exception {
        assertEquals(0, run(Fixtures.resourceFolder("timelines").resolve("faults.jsonl").toString()));
        List<String> types = lines().stream().map(l -> l.get("type").asText() + (l.has("code") ? ":" + l.get("code").asText() : "")
                + (l.has("event") ? ":" + l.get("event").asText() : "")).toList();
        assertTrue(types.contains("problem:WUP200"), types.toString());
        assertTrue(types.contains("problem:WUP500"), types.toString());
        int crashed = types.indexOf("agent:crashed");
        assertEquals("agent:restarted", types.get(crashed + 1));
        assertEquals("restart", types.get(crashed + 2), "the restarted agent finishes the interrupted restart");
        assertTrue(lines().stream().anyMatch(l -> l.get("type").asText().equals("scan") && l.get("fits").isNull()), "paused scan");
    }

    @Test
    void healsAScanThatRacedANetworkChange() throws Exception {
        assertEquals(0, run(Fixtures.resourceFolder("timelines").resolve("heal.jsonl").toString()));
        List<String> events = lines().stream().filter(l -> l.get("t").asDouble() >= 3601)
                .map(l -> l.get("type").asText() + (l.has("fits") ? ":" + l.get("fits").asText() : "")
                        + (l.has("action") ? ":" + l.get("code").asText() + ":" + l.get("action").asText() : "")
                        + (l.has("winHttpSettings") ? ":" + l.get("winHttpSettings").asText() : ""))
                .filter(e -> !e.startsWith("decision"))
                .toList();
        assertEquals(List.of(
                "scan:false",
                "write:1800000000000000010000000000000000000000",
                "restart",
                "heal:0x80072EFD:rescanned",
                "scan:true",
                "heal:ok:healed",
                "heal:0x80240022:not-a-network-error",
                "heal:0x80072EFD:rescanned",
                "scan:true",
                "heal:ok:healed",
                "summary"), events);
    }

    @Test
    void aBadTimelineGetsFileAndLine(@TempDir Path dir) throws Exception {
        Path timeline = dir.resolve("day.jsonl");
        Files.writeString(timeline, "# comment\n\n{\"t\":0,\"scan\":{}}\n{\"t\":5,\"network\":{\"interfaces\":[{\"name\":\"e\",\"kind\":\"modem\"}]}}\n");
        assertEquals(2, run(timeline.toString()));
        assertEquals(timeline + ":4: `network.interfaces[0].kind`: unknown interface kind \"modem\"; use one of ethernet, wifi, vpn, cellular, other",
                err.toString().strip());

        Files.writeString(timeline, "{\"t\":5,\"scan\":{}}\n{\"t\":4,\"scan\":{}}\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run(timeline.toString()));
        assertEquals(timeline + ":2: t = 4.0 is before the previous line's t = 5.0; lines must be in time order", err.toString().strip());

        Files.writeString(timeline, "{\"t\":1,\"scan\":{},\"pause\":true}\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run(timeline.toString()));
        assertTrue(err.toString().contains(":1: each line needs exactly one event"), err.toString());

        Files.writeString(timeline, "{\"t\":1,\"scna\":{}}\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run(timeline.toString()));
        assertTrue(err.toString().startsWith(timeline + ":1: unknown field `scna`"), err.toString());

        Files.writeString(timeline, "{\"t\":1,\"scan\":{}\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run(timeline.toString()));
        assertTrue(err.toString().startsWith(timeline + ":1: not valid JSON"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aTimeBeyondAHundredYearsIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path timeline = dir.resolve("forever.jsonl");
        Files.writeString(timeline, "{\"t\":0,\"scan\":{}}\n{\"t\":1e12,\"scan\":{}}\n");
        assertEquals(2, org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> run(timeline.toString())));
        assertEquals(timeline + ":2: `t` is 1.0E12 seconds; a simulation covers at most a hundred years (3162240000)", err.toString().strip());
    }

    @Test
    void runsTheExpectationSuiteAndReportsEachTimelineAsAJUnitTest(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("simulate.xml");
        assertEquals(0, run("--junit", report.toString(), Fixtures.resourceFolder("timelines").resolve("expectations").toString()), err.toString());
        List<JsonNode> summaries = lines().stream().filter(l -> l.get("type").asText().equals("summary")).toList();
        assertEquals(5, summaries.size());
        summaries.forEach(s -> assertEquals(0, s.get("expectationsFailed").asInt(), s.toString()));
        assertTrue(lines().stream().filter(l -> l.get("type").asText().equals("expect")).allMatch(l -> l.get("pass").asBoolean()));
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        assertEquals("5", xml.getAttribute("tests"));
        assertEquals("0", xml.getAttribute("failures"));
        assertEquals("commute-wsus.jsonl", ((org.w3c.dom.Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("name"));
    }

    @Test
    void aWrongExpectationFailsWithExit1NamingItsLine(@TempDir Path dir) throws Exception {
        String day = Files.readString(Fixtures.resourceFolder("timelines").resolve("expectations").resolve("commute.jsonl"));
        List<String> lines = new ArrayList<>(List.of(day.split("\n")));
        int wrong = lines.indexOf("{\"t\":4800,\"expect\":{\"profile\":\"direct\",\"proxy\":\"direct\",\"fits\":true}}");
        lines.set(wrong, "{\"t\":4800,\"expect\":{\"profile\":\"corporate\",\"proxy\":\"direct\",\"fits\":true}}");
        Files.createDirectories(dir.resolve("suite"));
        Path timeline = dir.resolve("suite").resolve("day <&>.jsonl");
        Files.writeString(timeline, String.join("\n", lines));
        Path report = dir.resolve("report.xml");
        assertEquals(1, run("--junit", report.toString(), timeline.toString()));
        assertEquals(timeline + ":" + (wrong + 1) + ": expectation failed: profile \"corporate\" expected, found \"direct\"", err.toString().strip());
        JsonNode failed = lines().stream().filter(l -> l.get("type").asText().equals("expect") && !l.get("pass").asBoolean()).findFirst().orElseThrow();
        assertEquals(wrong + 1, failed.get("line").asInt());
        assertEquals("{\"profile\":\"direct\",\"proxy\":\"direct\",\"fits\":true}", failed.get("found").toString());
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        assertEquals("1", xml.getAttribute("failures"));
        assertEquals("day <&>.jsonl", ((org.w3c.dom.Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("name"));
        assertTrue(xml.getElementsByTagName("failure").item(0).getTextContent().contains(":" + (wrong + 1) + ": expectation failed"));

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Files.writeString(dir.resolve("suite").resolve("bad.jsonl"), "{\"t\":0,\"network\":\"office\"}\n");
        assertEquals(2, run("--output", "summary", "--junit", report.toString(), dir.resolve("suite").toString()), "a bad timeline outranks a failed expectation");
        assertTrue(err.toString().startsWith(dir.resolve("suite").resolve("bad.jsonl") + ":1: no snapshot is defined as \"office\"; define it first"), err.toString());
        xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        assertEquals("2", xml.getAttribute("tests"));
        assertEquals("1", xml.getAttribute("errors"));
    }

    @Test
    void namedSnapshotsAreCheckedWhereTheyAreUsed(@TempDir Path dir) throws Exception {
        Path timeline = dir.resolve("day.jsonl");
        Files.writeString(timeline, "{\"define\":{\"a\":{\"name\":\"a\"},\"b\":{\"name\":\"b\"}}}\n{\"t\":1,\"network\":\"c\"}\n");
        assertEquals(2, run(timeline.toString()));
        assertEquals(timeline + ":2: no snapshot is defined as \"c\"; defined so far: a, b", err.toString().strip());
        Files.writeString(timeline, "{\"define\":{\"a\":{\"name\":\"a\"}}}\n\n{\"define\":{\"a\":{\"name\":\"x\"}}}\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run(timeline.toString()));
        assertEquals(timeline + ":3: snapshot \"a\" is already defined on line 1; give this one another name", err.toString().strip());
        Files.writeString(timeline, "{\"t\":1,\"expect\":{\"problem\":\"WUP999\"}}\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run(timeline.toString()));
        assertTrue(err.toString().startsWith(timeline + ":1: `expect.problem` must be a problem code (WUP200"), err.toString());
    }

    @Test
    void theStartNetworkIsDecidedAtStartAndTheLastChangeBeforeTheEnd(@TempDir Path dir) throws Exception {
        String office = Files.readAllLines(Fixtures.resourceFolder("timelines").resolve("expectations").resolve("commute.jsonl")).get(1);
        Path timeline = dir.resolve("day.jsonl");
        Files.writeString(timeline, office + "\n{\"t\":0,\"userProxy\":{\"mode\":\"pac\",\"url\":\"http://wpad.corp.example.com/wpad.dat\"}}\n"
                + "{\"t\":0,\"network\":\"office\"}\n{\"t\":100,\"network\":null}\n");
        assertEquals(0, run(timeline.toString()));
        List<String> writes = lines().stream().filter(l -> l.get("type").asText().equals("write"))
                .map(l -> l.get("t").asText() + " " + l.get("profile").asText()).toList();
        assertEquals(List.of("0.0 corporate", "102.0 mobile"), writes);
        JsonNode summary = lines().get(lines().size() - 1);
        assertEquals(102.0, summary.get("t").asDouble());
        assertEquals(2.0, summary.get("wrongProxySeconds").asDouble(), "only the settle window after undocking");
    }

    @Test
    void outputCanBeLimitedToFailuresOrTheSummary() throws Exception {
        String heal = Fixtures.resourceFolder("timelines").resolve("heal.jsonl").toString();
        assertEquals(0, run("--output", "summary", heal));
        assertEquals(List.of("summary"), lines().stream().map(l -> l.get("type").asText()).toList());
        out.getBuffer().setLength(0);
        assertEquals(0, run("--output", "failures", heal));
        List<JsonNode> failures = lines();
        assertEquals(List.of("scan", "summary"), failures.stream().map(l -> l.get("type").asText()).toList());
        assertEquals(false, failures.get(0).get("fits").asBoolean());
        assertEquals(2, run("--output", "some", heal));
        assertTrue(err.toString().contains("--output must be all, failures or summary, found \"some\""), err.toString());
    }

    @Test
    void theBaselineShowsWhatWindowsAloneWouldDo() throws Exception {
        Path wsus = Fixtures.resourceFolder("timelines").resolve("expectations").resolve("commute-wsus.jsonl");
        assertEquals(0, run("--baseline", "proxy.corp.example.com:8080", wsus.toString()));
        JsonNode summary = lines().get(lines().size() - 1);
        assertEquals(6, summary.get("scansFitting").asInt());
        assertEquals(2, summary.get("baselineScansFitting").asInt(), "the office proxy fails at the cafe, on the tether and at home");
        JsonNode cafe = lines().stream().filter(l -> l.get("type").asText().equals("scan") && l.get("t").asDouble() == 4800).findFirst().orElseThrow();
        assertEquals("{\"proxy\":{\"mode\":\"fixed\",\"server\":\"proxy.corp.example.com:8080\",\"bypass\":\"\"},\"way\":\"machine\","
                + "\"fits\":false,\"error\":\"0x80072EE7\"}", cafe.get("baseline").toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run(wsus.toString()));
        summary = lines().get(lines().size() - 1);
        assertEquals("direct", summary.get("baselineProxy").asText());
        assertEquals(5, summary.get("baselineScansFitting").asInt(), "direct fails only on the VPN, where WSUS gets no fallback to the user's proxy");

        out.getBuffer().setLength(0);
        assertEquals(0, run(Fixtures.resourceFolder("timelines").resolve("expectations").resolve("wpad-only.jsonl").toString()));
        summary = lines().get(lines().size() - 1);
        assertEquals(2, summary.get("scansFitting").asInt());
        assertEquals(2, summary.get("baselineScansFitting").asInt(), "with WPAD both fit");
        assertEquals(2, run("--baseline", "not a proxy", wsus.toString()));
    }

    @Test
    void aMissingTimelineIsAClearError() {
        assertEquals(2, run("no-such-day.jsonl"));
        assertEquals("no-such-day.jsonl: cannot read the timeline: there is no such file or folder", err.toString().strip());
    }

    @Test
    void aSuiteCountsWhatIsNoFileAsAnErrorAndTheReportReplacesALinkInsteadOfWritingThroughIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path suite = java.nio.file.Files.createDirectory(dir.resolve("suite"));
        java.nio.file.Files.copy(Fixtures.resourceFolder("timelines").resolve("commute.jsonl"), suite.resolve("a.jsonl"));
        java.nio.file.Files.createSymbolicLink(suite.resolve("b.jsonl"), dir.resolve("nowhere"));
        java.nio.file.Path victim = java.nio.file.Files.writeString(dir.resolve("victim.txt"), "keep");
        java.nio.file.Path report = java.nio.file.Files.createSymbolicLink(dir.resolve("report.xml"), victim);
        assertEquals(2, run("--output", "summary", "--junit", report.toString(), suite.toString()));
        assertEquals(suite.resolve("b.jsonl") + ": not a file to read (a link to nothing, a device or a pipe)", err.toString().strip());
        assertEquals("keep", java.nio.file.Files.readString(victim));
        assertTrue(!java.nio.file.Files.isSymbolicLink(report) && java.nio.file.Files.readString(report).contains("tests=\"2\" failures=\"0\" errors=\"1\""),
                java.nio.file.Files.readString(report));
    }

    @Test
    void aTimelineTooLongToReadIsAClearError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path huge = dir.resolve("huge.jsonl");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(StreamedTimeline.MAX_TIMELINE_BYTES + 1L); // sparse: a device that never ends reads the same
        }
        assertEquals(2, run(huge.toString()));
        assertEquals(huge + ": the timeline is longer than 128 MB; split it into a folder of timelines", err.toString().strip());
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(value = org.junit.jupiter.api.condition.OS.LINUX, disabledReason = "a device that never ends")
    void aDeviceThatNeverEndsIsAClearError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path zeros = java.nio.file.Files.createSymbolicLink(dir.resolve("zeros.jsonl"), java.nio.file.Path.of("/dev/zero"));
        assertEquals(2, run(zeros.toString()));
        assertEquals(zeros + ": the timeline is longer than 128 MB; split it into a folder of timelines", err.toString().strip());
    }

    /** One line longer than the limit through a pipe, in a heap that holds the limit but not twice it. */
    @Test
    void aLineLongerThanTheLimitThroughAPipeIsAClearErrorInASmallHeap() throws Exception {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx300m",
                "-Dwuproxy.home=" + Path.of("").toAbsolutePath(), "-cp", classPath, "io.github.wuproxy.app.Main", "simulate", "/dev/stdin")
                .redirectErrorStream(true).start();
        Thread writer = new Thread(() -> {
            try (var in = process.getOutputStream()) {
                in.write("{\"t\":0,\"network\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] name = new byte[1 << 20];
                java.util.Arrays.fill(name, (byte) 'a');
                for (int i = 0; i <= StreamedTimeline.MAX_TIMELINE_BYTES >> 20; i++) {
                    in.write(name);
                }
            } catch (java.io.IOException e) {
                // the reader stopped reading: what it says is the test
            }
        });
        writer.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        writer.join();
        assertEquals("/dev/stdin: the timeline is longer than 128 MB; split it into a folder of timelines", out.strip());
        assertEquals(2, process.exitValue());
    }

    @Test
    @org.junit.jupiter.api.condition.DisabledOnOs(value = org.junit.jupiter.api.condition.OS.WINDOWS, disabledReason = "Windows names hold no control characters")
    void aFileNameWithAnEscapeSequenceIsShownEscaped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path hostile = java.nio.file.Files.writeString(dir.resolve("q\u001b[2J.jsonl"), "{\"t\":1,\"bogus\":1}\n");
        assertEquals(2, run(hostile.toString()));
        assertTrue(err.toString().startsWith(dir + "/q\\u001b[2J.jsonl:1: unknown field `bogus`"), err.toString());
    }

    @Test
    void aTimelineThatIsNotTextIsAClearError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path binary = java.nio.file.Files.write(dir.resolve("day.jsonl"), new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}', '\n'});
        assertEquals(2, run(binary.toString()));
        assertEquals(binary + ":1: the line is not UTF-8 text; save the timeline as UTF-8", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(1, run("--output", "summary", "--junit", dir.resolve("no-such-folder").resolve("r.xml").toString(),
                Fixtures.resourceFolder("timelines").resolve("commute.jsonl").toString()));
        assertEquals(dir.resolve("no-such-folder").resolve("r.xml") + ": cannot write the JUnit report: there is no such file or folder",
                err.toString().strip());
    }

    @Test
    void failuresShowTheDownloadsTheUsersOwnProxyBreaks() throws Exception {
        assertEquals(0, run("--output", "failures", "--profiles", Fixtures.resourceFolder("profiles/user-proxy-day-kept").toString(),
                Fixtures.resourceFolder("timelines").resolve("user-proxy-day.jsonl").toString()));
        List<JsonNode> downloads = lines().stream().filter(l -> l.get("type").asText().equals("download")).toList();
        assertEquals(List.of(4900.0, 9600.0), downloads.stream().map(d -> d.get("t").asDouble()).toList(), "the café and home");
        for (JsonNode d : downloads) {
            assertEquals("proxy.corp.example.com:8080", d.get("effective").get("server").asText());
            assertEquals("direct", d.get("expected").get("mode").asText());
            assertEquals(false, d.get("fits").asBoolean());
        }
        JsonNode summary = lines().get(lines().size() - 1);
        assertEquals(2, summary.get("downloadsFitting").asInt());
    }
}
