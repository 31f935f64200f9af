package io.github.wuproxy.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.sim.Simulation;
import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.sim.TimelineEvent;
import io.github.wuproxy.testing.Fixtures;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * 24 virtual hours of a flapping laptop through the real engine: a change every 0.1 to 10 s among
 * six networks (a third in bursts inside the settle delay), a scan every minute, a fault every half hour. Checks what must hold and prints it.
 */
final class Soak {
    private static final double DAY = 24 * 3600;
    private static final double AFTER_FAULT = 5 + 30 + 120 + 5; // the retries' window

    private Soak() {}

    static List<Bench.Row> run() throws Exception {
        List<String> networks = new ArrayList<>();
        for (String name : List.of("corp-dock-wired", "corp-vpn", "home-wifi", "cafe-wifi", "phone-tether", "lte-modem")) {
            NetworkLocation location = Fixtures.location("network/" + name + "-edited.json");
            networks.add(LocationJson.write(location).toString());
        }
        Random random = new Random(20261123);
        StringBuilder text = new StringBuilder("{\"t\":0,\"userProxy\":{\"mode\":\"pac\",\"url\":\"http://wpad.corp.example.com/wpad.dat\"}}\n");
        List<Double> changes = new ArrayList<>();
        List<Double> faults = new ArrayList<>();
        List<String> kinds = List.of("write-fails-once", "service-restart-timeout", "crash");
        double nextScan = 60;
        double nextFault = 1800;
        for (double t = 1; t < DAY; ) {
            // a third of the changes come in bursts, within the settle delay of the one before
            double gap = random.nextInt(3) == 0 ? 0.1 + random.nextInt(19) / 10.0 : 2 + random.nextInt(9);
            double change = Math.round((t + gap) * 10) / 10.0;
            while (nextScan < change && nextScan < DAY) {
                text.append("{\"t\":").append(nextScan).append(",\"scan\":{}}\n");
                nextScan += 60;
            }
            if (nextFault < change) {
                text.append("{\"t\":").append(nextFault).append(",\"fault\":\"").append(kinds.get(random.nextInt(kinds.size()))).append("\"}\n");
                faults.add(nextFault);
                nextFault += 1800;
            }
            if (change >= DAY) {
                break;
            }
            text.append("{\"t\":").append(change).append(",\"network\":").append(networks.get(random.nextInt(networks.size()))).append("}\n");
            changes.add(change);
            t = change;
        }
        List<TimelineEvent> events = Timeline.parse("soak", text.toString());
        double settle = AgentSettings.defaults().settleDelay().toMillis() / 1000.0;
        int settled = 0;
        for (int i = 0; i < changes.size(); i++) {
            double next = i + 1 < changes.size() ? changes.get(i + 1) : DAY;
            settled += next - changes.get(i) >= settle ? 1 : 0;
        }
        var memory = ManagementFactory.getMemoryMXBean();
        int threadsBefore = Thread.activeCount();
        long[] heap = new long[2];
        int[] unfit = {0, 0};
        double[] lastHeapCheck = {0};
        long start = System.nanoTime();
        Simulation.Summary summary = new Simulation(Fixtures.shippedProfiles(), AgentSettings.defaults(), line -> {
            double t = line.get("t").asDouble();
            if (line.get("type").asText().equals("scan") && line.get("fits").isBoolean() && !line.get("fits").booleanValue()) {
                boolean explained = within(changes, t, settle) || within(faults, t, AFTER_FAULT);
                unfit[explained ? 0 : 1]++;
            }
            if (t - lastHeapCheck[0] >= 3 * 3600) { // after warm-up, then every 3 virtual hours
                lastHeapCheck[0] = t;
                System.gc();
                long used = memory.getHeapMemoryUsage().getUsed();
                if (heap[0] == 0) {
                    heap[0] = used;
                }
                heap[1] = used;
            }
            consume(line);
        }).run(events);
        double seconds = (System.nanoTime() - start) / 1e9;
        int threadsAfter = Thread.activeCount();
        List<Bench.Row> rows = new ArrayList<>();
        rows.add(new Bench.Row(String.format(Locale.ROOT, "soak: 24 virtual hours, %d network changes (%d settled), %d scans, %d faults; real time",
                changes.size(), settled, summary.scans(), faults.size()), String.format(Locale.ROOT, "%.1f s", seconds), "minutes at most"));
        rows.add(new Bench.Row("soak: writes vs settled changes", summary.writes() + " writes ≤ " + settled + " settled changes"
                + (summary.writes() <= settled ? "" : "  FAILED"), "writes ≤ settled changes"));
        rows.add(new Bench.Row("soak: scans judged unfit", unfit[1] + " outside a settle or retry window (" + unfit[0] + " inside one)"
                + (unfit[1] == 0 ? "" : "  FAILED"), "0 outside a settle window"));
        rows.add(new Bench.Row("soak: heap after GC, 3 h in → 24 h", String.format(Locale.ROOT, "%.1f MB → %.1f MB", heap[0] / 1048576.0,
                heap[1] / 1048576.0), "flat after warm-up"));
        rows.add(new Bench.Row("soak: threads before → after", threadsBefore + " → " + threadsAfter, "no growth"));
        return rows;
    }

    private static boolean within(List<Double> starts, double t, double window) {
        for (int i = starts.size() - 1; i >= 0; i--) {
            if (starts.get(i) <= t) {
                return t - starts.get(i) <= window;
            }
        }
        return false;
    }

    private static void consume(ObjectNode line) {
        if (line.size() == 0) {
            throw new IllegalStateException("empty line");
        }
    }
}
