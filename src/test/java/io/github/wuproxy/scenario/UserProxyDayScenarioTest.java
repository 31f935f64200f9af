package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.sim.Simulation;
import io.github.wuproxy.sim.SimulatedUserProxyStore;
import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a user with the office proxy typed in by hand. Windows Update scans fit everywhere, but
 * downloads go through the user's own proxy: they break at home and at the café until the home and
 * mobile profiles set it; wuproxy puts the user's own back at the office, and `restore --user` byte for byte.
 */
class UserProxyDayScenarioTest {
    private static final String DAY = read("user-proxy-day.jsonl");
    private static final UserProxySettings OFFICE = UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"));

    private static String read(String timeline) {
        try {
            return java.nio.file.Files.readString(Fixtures.resourceFolder("timelines").resolve(timeline));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Run(List<JsonNode> lines, Simulation simulation) {
        List<JsonNode> of(String type) {
            return lines.stream().filter(l -> l.get("type").asText().equals(type)).toList();
        }

        JsonNode summary() {
            return of("summary").get(0);
        }
    }

    private static Run replay(String profiles, String timeline) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        var simulation = new Simulation(HoconProfileCatalog.of(Fixtures.resourceFolder("profiles/" + profiles), "mobile").load(),
                AgentSettings.defaults(), (ObjectNode line) -> lines.add(line));
        simulation.run(Timeline.parse("user-proxy-day.jsonl", timeline));
        return new Run(lines, simulation);
    }

    @Test
    void withoutUserProxyTheOfficeProxyBreaksDownloadsAtTheCafeAndAtHome() throws Exception {
        Run run = replay("user-proxy-day-kept", DAY);
        List<Boolean> fits = run.of("download").stream().map(d -> d.get("fits").asBoolean()).toList();
        assertEquals(List.of(true, false, false, true), fits, "office, café, home, office");
        assertEquals(4, run.summary().get("scansFitting").asInt(), "scans fit everywhere: only downloads break");
        assertEquals(2, run.summary().get("downloadsFitting").asInt());
        assertFalse(run.summary().has("userProxyWrites"));
        assertEquals(Optional.of(OFFICE), run.simulation().userSettings().current(), "never touched");
    }

    @Test
    void withUserProxyOnHomeAndMobileEveryDownloadFitsAndTheOfficeGetsTheUsersOwnBack() throws Exception {
        Run run = replay("user-proxy-day", DAY);
        for (JsonNode download : run.of("download")) {
            assertTrue(download.get("fits").asBoolean(), download.toString());
        }
        assertEquals(4, run.summary().get("downloads").asInt());
        assertEquals(4, run.summary().get("downloadsFitting").asInt());
        assertEquals(4, run.summary().get("scansFitting").asInt());
        assertEquals(2, run.summary().get("userProxyWrites").asInt(), "set once when leaving the office, put back once on return");
        List<JsonNode> userWrites = run.of("write").stream().filter(w -> w.has("userProxy")).toList();
        assertEquals("direct", UserProxySettings.DIRECT.describe());
        assertFalse(userWrites.get(0).get("userProxy").get("restored").asBoolean());
        assertTrue(userWrites.get(1).get("userProxy").get("restored").asBoolean());
        assertEquals(Optional.of(OFFICE), run.simulation().userSettings().current());
        assertEquals(Optional.empty(), run.simulation().userBackups().backup(), "nothing left to restore");
    }

    @Test
    void restoreUserPutsTheOriginalBackByteForByte() throws Exception {
        String untilHome = DAY.substring(0, DAY.indexOf("{\"t\": 30000"));
        Run run = replay("user-proxy-day", untilHome);
        SimulatedUserProxyStore user = run.simulation().userSettings();
        assertEquals(Optional.of(UserProxySettings.DIRECT), user.current(), "home set it direct");
        var original = run.simulation().userBackups().backup().orElseThrow();
        assertEquals(Optional.of(OFFICE), original.settings());
        byte[] atStart = SimulatedUserProxyStore.holding(UserProxySettings.DIRECT).bytes();
        var fresh = new SimulatedUserProxyStore(atStart);
        fresh.set(OFFICE); // the timeline's t = 0 line, as the user typed it
        assertArrayEquals(fresh.bytes(), original.connectionSettings(), "the backup is what the user had before wuproxy");
        user.restore(original);
        assertArrayEquals(fresh.bytes(), user.bytes());
    }
}
