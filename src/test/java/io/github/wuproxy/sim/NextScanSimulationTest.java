package io.github.wuproxy.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A `nextScan` line: the pre-scan job fires before the scheduled scan, and a scan right after a network change fits without a heal. */
class NextScanSimulationTest {
    private static String timeline() throws Exception {
        return Files.readString(Fixtures.resourceFolder("timelines").resolve("expectations").resolve("prescan.jsonl"));
    }

    private static List<ObjectNode> replay(String text) throws Exception {
        List<ObjectNode> lines = new ArrayList<>();
        new Simulation(Fixtures.shippedProfiles(), AgentSettings.defaults(), lines::add).run(Timeline.parse("prescan.jsonl", text));
        return lines;
    }

    private static List<JsonNode> ofType(List<ObjectNode> lines, String type) {
        return lines.stream().filter(l -> l.path("type").asText().equals(type)).map(JsonNode.class::cast).toList();
    }

    @Test
    void thePreScanJobFiresBeforeTheScheduledScanWhichFitsWithoutAHeal() throws Exception {
        List<ObjectNode> lines = replay(timeline());
        List<JsonNode> prescans = ofType(lines, "prescan");
        assertEquals(3, prescans.size(), prescans.toString());
        assertEquals(3380.0, prescans.get(0).path("t").asDouble(), "pre-scan-lead (2m) before the scan");
        assertEquals(3500.0, prescans.get(0).path("scan").asDouble());
        assertEquals(false, prescans.get(0).path("networkChange").asBoolean());
        assertEquals(3499.0, prescans.get(1).path("t").asDouble(), "the network change, read at once");
        assertEquals(true, prescans.get(1).path("networkChange").asBoolean());
        assertEquals(82_680.0, prescans.get(2).path("t").asDouble(), "and before the next one");

        List<JsonNode> scans = ofType(lines, "scan");
        assertEquals(2, scans.size(), "the simulated Windows runs its scheduled scans");
        assertEquals(3500.0, scans.get(0).path("t").asDouble());
        assertEquals(82_800.0, scans.get(1).path("t").asDouble());
        assertTrue(scans.get(0).path("scheduled").asBoolean());
        assertTrue(scans.get(0).path("fits").asBoolean(), scans.get(0).toString());
        assertEquals("direct", scans.get(0).path("effective").path("mode").asText());
        assertTrue(lines.indexOf(prescans.get(1)) < lines.indexOf(scans.get(0)));
        assertEquals(List.of(), ofType(lines, "heal"), "nothing to heal");

        JsonNode summary = ofType(lines, "summary").get(0);
        assertEquals(2, summary.path("scans").asInt());
        assertEquals(2, summary.path("scansFitting").asInt());
        assertEquals(3, summary.path("prescans").asInt());
        assertEquals(0, summary.path("expectationsFailed").asInt(), lines.toString());
        assertEquals(82_800.0 + 2, summary.path("t").asDouble(), "the replay runs on to the next scheduled scan");
    }

    @Test
    void withoutTheScheduleTheSameScanFailsAndIsHealedAfter() throws Exception {
        String plain = timeline().replace("{\"t\":0,\"nextScan\":{\"in\":3500}}", "")
                .replace("{\"t\":3499.5,\"expect\":{\"proxy\":\"direct\",\"fits\":true}}", "{\"t\":3500,\"scan\":{}}")
                .replace("{\"t\":3501,\"nextScan\":{\"at\":82800}}\n", "");
        List<ObjectNode> lines = replay(plain);
        assertEquals(List.of(), ofType(lines, "prescan"));
        JsonNode scan = ofType(lines, "scan").get(0);
        assertEquals(false, scan.path("fits").asBoolean(), "through the office proxy: the change had not settled");
        assertEquals("rescanned", ofType(lines, "heal").get(0).path("action").asText());
        assertTrue(ofType(lines, "summary").get(0).path("prescans").isMissingNode(), "no new field where nothing new happened");
    }

    @Test
    void aScheduledScanInsideASleepDoesNotRunAndNullMeansNoneScheduled() throws Exception {
        String text = "{\"t\":0,\"nextScan\":{\"in\":100}}\n{\"t\":50,\"sleep\":true}\n{\"t\":200,\"resume\":true}\n"
                + "{\"t\":300,\"nextScan\":{\"in\":100}}\n{\"t\":310,\"nextScan\":null}\n";
        List<ObjectNode> lines = replay(text);
        assertEquals(List.of(), ofType(lines, "scan"), "asleep at 100; cancelled by null at 310");
        // Scans closer than pre-scan-lead are checked at once.
        assertEquals(List.of(0.0, 300.0), ofType(lines, "prescan").stream().map(l -> l.path("t").asDouble()).toList());
    }

    @Test
    void badNextScanLinesSayWhatAndWhere() {
        for (String[] bad : new String[][] {
                {"{\"t\":5,\"nextScan\":{\"in\":-1}}", "day:1: `nextScan.in` must be a number of seconds, 0 or more"},
                {"{\"t\":5,\"nextScan\":{\"at\":4}}", "day:1: `nextScan.at` is 4, before this line's t = 5.0; a scheduled scan lies ahead (use `in` for seconds from now)"},
                {"{\"t\":5,\"nextScan\":{}}", "day:1: `nextScan` needs one of `in` (seconds from this line) or `at` (seconds from the start), or null for none"},
                {"{\"t\":5,\"nextScan\":{\"in\":1,\"at\":9}}", "day:1: `nextScan` needs one of `in` (seconds from this line) or `at` (seconds from the start), or null for none"},
                {"{\"t\":5,\"nextScan\":{\"in\":\"soon\"}}", "day:1: `nextScan.in` must be a number of seconds, 0 or more"},
                {"{\"t\":5,\"nextScan\":{\"in\":1e300}}", "day:1: `nextScan` falls at 1.0E300 seconds; a simulation covers at most a hundred years (3162240000)"}}) {
            var e = assertThrows(TimelineException.class, () -> Timeline.parse("day", bad[0]), bad[0]);
            assertEquals(bad[1], e.getMessage());
        }
    }
}
