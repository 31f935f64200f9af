package io.github.wuproxy.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Skipping drift checks that nothing reached the engine before changes no line of the output; on the
 * same random weeks, the reference evaluation agrees with the engine at every scan.
 */
class SkippedDriftCheckTest {
    private static final List<String> PLACES = List.of("corp-dock-wired", "home-wifi", "cafe-wifi", "phone-tether", "corp-vpn", "lte-modem");
    private static final List<String> OTHER = List.of(
            "{\"userProxy\":{\"mode\":\"direct\"}}",
            "{\"userProxy\":{\"mode\":\"pac\",\"url\":\"http://wpad.corp.example.com/wpad.dat\"}}",
            "{\"userProxy\":{\"mode\":\"fixed\",\"server\":\"proxy.corp.example.com:8080\",\"bypass\":\"<local>\"}}",
            "{\"fault\":\"write-denied\"}", "{\"fault\":\"write-fails-once\"}", "{\"fault\":\"service-restart-timeout\"}", "{\"fault\":\"crash\"}",
            "{\"foreignWrite\":{\"server\":\"vpnproxy.example:3128\"}}", "{\"scanFailed\":{\"code\":\"0x80072EFD\"}}",
            "{\"proxy\":{\"server\":\"proxy.corp.example.com:8080\",\"answers\":\"down\"}}",
            "{\"proxy\":{\"server\":\"proxy.corp.example.com:8080\",\"answers\":\"ok\"}}",
            "{\"use\":\"corporate\"}", "{\"use\":\"direct\",\"sticky\":true}", "{\"use\":\"auto\"}",
            "{\"pause\":true}", "{\"pause\":false}", "{\"sleep\":true}", "{\"resume\":true}");

    private static String replay(String text, boolean everyDriftCheck) throws Exception {
        StringBuilder out = new StringBuilder();
        new Simulation(Fixtures.shippedProfiles(), AgentSettings.defaults(), line -> out.append(line).append('\n'),
                new Simulation.Options(Simulation.Output.ALL, Optional.empty(), everyDriftCheck)).run(Timeline.parse("day", text));
        return out.toString();
    }

    @Test
    void theShippedTimelinesReplayTheSame() throws Exception {
        List<Path> files;
        try (Stream<Path> a = Files.list(Fixtures.resourceFolder("timelines")); Stream<Path> b = Files.list(Fixtures.resourceFolder("timelines").resolve("expectations"))) {
            files = Stream.concat(a, b).filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
        assertTrue(files.size() >= 7, files.toString());
        for (Path file : files) {
            String text = Files.readString(file);
            assertEquals(replay(text, true), replay(text, false), file.toString());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aWeekOfEverythingReplaysTheSame(long seed) throws Exception {
        String all = week(seed, OTHER);
        for (String type : List.of("write", "scan", "problem", "heal", "agent")) {
            assertTrue(all.contains("\"type\":\"" + type + "\""), "the week has " + type + " lines");
        }
    }

    /** Scheduled scans (nextScan lines) and their pre-scan checks skip through drift checks alike. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 3, 4, 5, 6})
    void aWeekWithScheduledScansReplaysTheSame(long seed) throws Exception {
        List<String> other = new ArrayList<>(OTHER);
        other.addAll(List.of("{\"nextScan\":{\"in\":300}}", "{\"nextScan\":{\"in\":1}}", "{\"nextScan\":{\"in\":7000}}",
                "{\"nextScan\":null}"));
        String all = week(seed, other);
        assertTrue(all.contains("\"type\":\"prescan\""), "the week has prescan lines");
        assertTrue(all.contains("\"scheduled\":true"), "and scheduled scans");
    }

    /** A random week of {@code other} lines among network changes and scans, replayed with and without skipped drift checks. */
    private static String week(long seed, List<String> other) throws Exception {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (String place : PLACES) {
            text.append("{\"define\":{\"").append(place).append("\":")
                    .append(LocationJson.write(Fixtures.location("network/" + place + "-edited.json"))).append("}}\n");
        }
        long t = 0;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            t += random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(7200);
            int kind = random.nextInt(10);
            String event = kind < 3 ? "{\"network\":" + (random.nextInt(6) == 0 ? "null" : "\"" + PLACES.get(random.nextInt(PLACES.size())) + "\"") + "}"
                    : kind < 6 ? "{\"scan\":{}}" : other.get(random.nextInt(other.size()));
            lines.add("{\"t\":" + t + "," + event.substring(1));
        }
        lines.forEach(l -> text.append(l).append('\n'));
        String all = replay(text.toString(), true);
        assertEquals(all, replay(text.toString(), false));
        assertFalse(all.contains("engineExpected"), "the reference evaluation and the engine agree on every scan");
        return all;
    }
}
