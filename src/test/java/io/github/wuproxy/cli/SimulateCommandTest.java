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
    void aMissingTimelineIsAClearError() {
        assertEquals(2, run("no-such-day.jsonl"));
        assertTrue(err.toString().startsWith("no-such-day.jsonl: cannot read the timeline"), err.toString());
    }
}
