package io.github.wuproxy.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** The JMH part: decision latency percentiles and selection cost as rules grow. */
final class Jmh {
    private Jmh() {}

    static List<Bench.Row> run() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(EngineBenchmarks.class.getName()).build()).run();
        List<Bench.Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            var stats = result.getPrimaryResult().getStatistics();
            if (name.endsWith("decisionAfterSettling")) {
                rows.add(new Bench.Row("engine decision, change signal after settling to write issued (simulated ports, no probes): p50 / p99",
                        Bench.ms(stats.getPercentile(50) / 1000) + " / " + Bench.ms(stats.getPercentile(99) / 1000), "p99 ≤ 5 ms"));
            } else if (name.endsWith("selection")) {
                String profiles = result.getParams().getParam("profiles");
                rows.add(new Bench.Row("selection, " + profiles + " profiles × 5 conditions, per selection",
                        String.format(Locale.ROOT, "%.1f µs", stats.getMean()), "well under 1 ms at 1 000"));
            }
        }
        return rows;
    }
}
