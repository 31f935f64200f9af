package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.sim.Simulation;
import io.github.wuproxy.sim.TimelineEvent;
import io.github.wuproxy.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A day with a dozen network changes and scans at random times: every scan outside a settle window
 * fits, exposure is at most the settle delay (+50 ms) per real change, and each settled change is one write.
 */
class RandomDaySimulationTest {
    private static final List<String> PLACES = List.of("corp-dock-wired", "home-wifi", "cafe-wifi", "phone-tether", "corp-vpn", "lte-modem");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void everyScanOutsideASettleWindowFits(long seed) {
        Random random = new Random(seed);
        AgentSettings settings = AgentSettings.defaults();
        double settle = settings.settleDelay().toMillis() / 1000.0;
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent.UserProxy(0, 1, UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat")));
        List<Double> changes = new ArrayList<>();
        String previous = "";
        double t = 0;
        for (int i = 0; i < 12; i++) {
            String place;
            do {
                place = PLACES.get(random.nextInt(PLACES.size()));
            } while (place.equals(previous));
            previous = place;
            events.add(new TimelineEvent.Network(t, events.size() + 1, Fixtures.location("network/" + place + "-edited.json")));
            changes.add(t);
            double next = t + 600 + random.nextInt(6600);
            for (int s = random.nextInt(4); s > 0; s--) {
                events.add(new TimelineEvent.Scan(t + random.nextDouble() * (next - t), events.size() + 1));
            }
            t = next;
        }
        events.add(new TimelineEvent.Scan(t, events.size() + 1));
        events.sort((a, b) -> Double.compare(a.t(), b.t()));

        List<ObjectNode> lines = new ArrayList<>();
        Simulation.Summary summary = new Simulation(Fixtures.shippedProfiles(), settings, lines::add).run(events);

        int scansInSettleWindows = 0;
        for (ObjectNode line : lines) {
            if (!line.get("type").asText().equals("scan")) {
                continue;
            }
            double at = line.get("t").asDouble();
            boolean settling = changes.stream().anyMatch(c -> at >= c && at < c + settle);
            if (settling) {
                scansInSettleWindows++;
            } else {
                assertTrue(line.get("fits").asBoolean(), "scan at " + at + " does not fit: " + line);
            }
        }
        assertTrue(summary.scansFitting() >= summary.scans() - scansInSettleWindows);
        long proxyChanges = lines.stream().filter(l -> l.get("type").asText().equals("write")).count();
        assertEquals(summary.writes(), proxyChanges);
        assertTrue(summary.writes() <= changes.size(), "at most one write per settled change: " + summary);
        assertTrue(summary.wrongProxySeconds() <= summary.writes() * (settle + 0.05), "exposure " + summary);
        assertEquals(0, summary.problems());
    }
}
