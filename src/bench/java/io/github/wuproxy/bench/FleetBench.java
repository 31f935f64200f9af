package io.github.wuproxy.bench;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.json.JsonLines;
import io.github.wuproxy.sim.Simulation;
import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.sim.TimelineEvent;
import io.github.wuproxy.testing.Fixtures;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code simulate} on a generated fleet timeline (ten thousand laptop-days): the whole process through
 * the launcher with each {@code --output} (the median of five runs), and, inside one warm JVM, what each stage costs.
 */
final class FleetBench {
    static final int DAYS = 10_000;

    private FleetBench() {}

    static List<Bench.Row> run(Path target) throws Exception {
        FleetTimeline.Generated fleet = FleetTimeline.generate(DAYS, 19);
        Path file = target.resolve("fleet.jsonl");
        Files.writeString(file, fleet.text());
        Path tiny = target.resolve("fleet-one-day.jsonl");
        Files.writeString(tiny, FleetTimeline.generate(1, 19).text());
        int events = fleet.events();
        String what = String.format(Locale.ROOT, "%,d laptop-days, %,d events, %.1f MB", DAYS, events, Files.size(file) / 1e6);
        List<Bench.Row> rows = new ArrayList<>();
        double startup = wholeProcess(tiny, "summary");
        for (String output : List.of("summary", "failures", "all")) {
            double seconds = wholeProcess(file, output);
            rows.add(new Bench.Row("`simulate --output " + output + "` whole process (agent/wuproxy, JVM start included), fleet timeline: " + what,
                    String.format(Locale.ROOT, "%,.0f events/s (%.2f s wall; load average %s)", events / seconds, seconds, load()),
                    "≥ 1 000 000 events/s"));
        }
        rows.add(new Bench.Row("`simulate --output summary` on a one-day timeline (JVM start, options, profiles: the fixed cost)",
                String.format(Locale.ROOT, "%.2f s wall", startup), "n/a"));
        Path scans = target.resolve("fleet-scans.jsonl");
        Files.writeString(scans, scansOnly(fleet.text(), events));
        double floor = wholeProcess(scans, "summary");
        rows.add(new Bench.Row("`simulate --output summary` whole process, as many lines, every one a scan on one network (the cheapest line, "
                + "no engine round: what a timeline this long costs at least)",
                String.format(Locale.ROOT, "%,.0f events/s (%.2f s wall; load average %s)", events / floor, floor, load()), "n/a"));
        rows.addAll(stages(fleet.text(), events, what));
        return rows;
    }

    /** The fleet's named snapshots, then {@code events} lines: the office at t = 0 and a scan an hour. */
    private static String scansOnly(String fleet, int events) {
        StringBuilder text = new StringBuilder();
        fleet.lines().filter(line -> line.startsWith("{\"define\"")).forEach(line -> text.append(line).append('\n'));
        text.append("{\"t\":0,\"network\":\"office\"}\n");
        for (int i = 1; i < events; i++) {
            text.append("{\"t\":").append(i * 3600L).append(",\"scan\":{}}\n");
        }
        return text.toString();
    }

    /** Wall seconds of an `agent/wuproxy simulate` run, output thrown away: the median of five (the machine is shared). */
    private static double wholeProcess(Path timeline, String output) throws Exception {
        double[] seconds = new double[5];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("agent/wuproxy", "simulate", "--output", output, timeline.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("simulate exited with " + exit + " on " + timeline);
            }
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }

    /** Parse, engine and output apart, in one JVM: the fastest of three rounds after two warm-up rounds. */
    private static List<Bench.Row> stages(String text, int events, String what) throws Exception {
        ProfileSet profiles = Fixtures.shippedProfiles();
        double parse = Double.MAX_VALUE;
        double engine = Double.MAX_VALUE;
        double withOutput = Double.MAX_VALUE;
        long bytes = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            List<TimelineEvent> parsed = Timeline.parse("fleet", text);
            long t1 = System.nanoTime();
            new Simulation(profiles, AgentSettings.defaults(), line -> { }, new Simulation.Options(Simulation.Output.SUMMARY, Optional.empty()))
                    .run(parsed);
            long t2 = System.nanoTime();
            long[] counted = {0};
            try (JsonLines out = new JsonLines(new BufferedWriter(counting(counted), 1 << 16))) {
                new Simulation(profiles, AgentSettings.defaults(), out::write, new Simulation.Options(Simulation.Output.ALL, Optional.empty()))
                        .run(parsed);
            }
            long t3 = System.nanoTime();
            if (round >= 2) {
                parse = Math.min(parse, (t1 - t0) / 1e9);
                engine = Math.min(engine, (t2 - t1) / 1e9);
                withOutput = Math.min(withOutput, (t3 - t2) / 1e9);
            }
            bytes = counted[0];
        }
        double output = Math.max(0, withOutput - engine);
        return List.of(new Bench.Row("`simulate` stages inside one warm JVM, fleet timeline (" + what + "): parse / engine (--output summary) / "
                        + "JSON output of every line (--output all minus summary)",
                String.format(Locale.ROOT, "parse %.2f s (%,.0f events/s) / engine %.2f s (%,.0f events/s) / output %.2f s (%d MB); "
                        + "parse + engine %,.0f events/s; load average %s",
                        parse, events / parse, engine, events / engine, output, bytes >> 20, events / (parse + engine), load()),
                "≥ 1 000 000 events/s"));
    }

    /** The 1-minute load average, as the figures on a shared machine depend on it. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static Writer counting(long[] bytes) {
        return new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                bytes[0] += length;
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    /** Runs this part alone: {@code FleetBench [TARGET]}. */
    public static void main(String[] args) throws Exception {
        System.out.println(Bench.table(run(Path.of(args.length > 0 ? args[0] : "target"))));
    }
}
