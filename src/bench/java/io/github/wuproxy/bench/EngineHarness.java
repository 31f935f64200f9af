package io.github.wuproxy.bench;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.json.JsonLines;
import io.github.wuproxy.json.LocationJson;
import java.io.BufferedWriter;
import java.io.Writer;
import io.github.wuproxy.sim.Simulation;
import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.sim.TimelineEvent;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.SimAgent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Measurements that do not fit JMH: flapping, simulate throughput, wrong-proxy exposure. */
final class EngineHarness {
    private static final NetworkLocation OFFICE = Fixtures.location("network/corp-dock-wired-edited.json");
    private static final NetworkLocation HOME = Fixtures.location("network/home-wifi-edited.json");

    private EngineHarness() {}

    /** 1 000 change signals within one second, ending on another network than the start: writes and engine CPU. */
    static List<Bench.Row> flapping() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        int writes = 0;
        for (int round = 0; round < 6; round++) { // the first rounds warm the JIT up; the last counts
            SimAgent laptop = SimAgent.withShippedProfiles();
            laptop.userProxy(UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat"));
            laptop.network.moveTo(HOME);
            laptop.settle();
            int before = laptop.store.writes().size();
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 1; i <= 1000; i++) {
                laptop.network.moveTo(i % 2 == 1 ? OFFICE : HOME);
                laptop.advance(Duration.ofMillis(1));
            }
            laptop.network.moveTo(OFFICE);
            laptop.settle();
            cpu = threads.getCurrentThreadCpuTime() - start;
            writes = laptop.store.writes().size() - before;
        }
        return List.of(new Bench.Row("flapping: 1 000 change signals within 1 s → writes; engine CPU (warm)",
                writes + " write" + (writes == 1 ? "" : "s") + "; " + Bench.ms(cpu / 1e6), "exactly 1 write; CPU ≤ 50 ms"));
    }

    /** A long day of a laptop: a network change every 10 minutes, a scan every minute. */
    static String timeline(int events) {
        String office = LocationJson.write(OFFICE).toString();
        String home = LocationJson.write(HOME).toString();
        StringBuilder text = new StringBuilder(events * 64);
        text.append("{\"t\":0,\"userProxy\":{\"mode\":\"pac\",\"url\":\"http://wpad.corp.example.com/wpad.dat\"}}\n");
        long t = 0;
        boolean atOffice = false;
        for (int i = 1; i < events; i++) {
            t += 60;
            if (i % 10 == 0) {
                atOffice = !atOffice;
                text.append("{\"t\":").append(t).append(",\"network\":").append(atOffice ? office : home).append("}\n");
            } else {
                text.append("{\"t\":").append(t).append(",\"scan\":{}}\n");
            }
        }
        return text.toString();
    }

    static List<Bench.Row> simulateThroughput() throws Exception {
        int events = 1_000_000;
        String text = timeline(events);
        for (int warm = 0; warm < 2; warm++) {
            run(Timeline.parse("warm-up", timeline(100_000)));
        }
        long parseStart = System.nanoTime();
        List<TimelineEvent> parsed = Timeline.parse("bench", text);
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
        long runStart = System.nanoTime();
        long[] outputBytes = run(parsed);
        double runSeconds = (System.nanoTime() - runStart) / 1e9;
        return List.of(new Bench.Row("`simulate` throughput, " + events / 1000 + " k events (a network change every 10 min, a scan every minute), "
                + "parse + replay + JSON output",
                String.format(Locale.ROOT, "%,.0f events/s (parse %,.0f/s, replay and output %,.0f/s; %d MB out)",
                        events / (parseSeconds + runSeconds), events / parseSeconds, events / runSeconds, outputBytes[0] >> 20),
                "≥ 1 000 000 events/s"));
    }

    /** Replays as `wuproxy simulate` does, into a writer that only counts. */
    private static long[] run(List<TimelineEvent> events) throws Exception {
        long[] bytes = {0};
        Writer counting = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                bytes[0] += length;
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        try (JsonLines out = new JsonLines(new BufferedWriter(counting, 1 << 16))) {
            new Simulation(Fixtures.shippedProfiles(), AgentSettings.defaults(), out::write).run(events);
        }
        return bytes;
    }

    /** Time from a network change until the service uses the right proxy, in simulate's virtual time. */
    static List<Bench.Row> exposurePerChange() throws Exception {
        int changes = 1000;
        List<TimelineEvent> events = Timeline.parse("exposure", timeline(changes * 10));
        Simulation.Summary summary = new Simulation(Fixtures.shippedProfiles(), AgentSettings.defaults(), line -> { }).run(events);
        double perChange = summary.wrongProxySeconds() / changes;
        double settle = AgentSettings.defaults().settleDelay().toMillis() / 1000.0;
        return List.of(new Bench.Row("wrong-proxy exposure per network change (simulate, " + changes + " changes)",
                String.format(Locale.ROOT, "%.3f s (the settle delay is %.3f s; %+.0f ms)", perChange, settle, (perChange - settle) * 1000),
                "≤ settle delay + 50 ms"));
    }
}
