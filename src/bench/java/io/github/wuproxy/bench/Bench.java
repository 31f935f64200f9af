package io.github.wuproxy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mvn -Pbench verify}: runs every measurement of the performance table and prints it with the
 * machine and the JVM; also writes it to target/bench.txt. Figures, not pass/fail: the README
 * compares them with the targets.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        List<Row> rows = new ArrayList<>();
        Footprint footprint = Footprint.start(target); // processes idle for 60 s while the rest runs
        measure(rows, "JMH", Jmh::run);
        measure(rows, "flapping", EngineHarness::flapping);
        measure(rows, "simulate throughput", EngineHarness::simulateThroughput);
        measure(rows, "simulate on the fleet", () -> FleetBench.run(target));
        measure(rows, "exposure per change", EngineHarness::exposurePerChange);
        measure(rows, "soak", Soak::run);
        measure(rows, "footprint", footprint::finish);
        measure(rows, "class cost", () -> ClassCost.run(target));
        String table = table(rows);
        System.out.println(table);
        Files.writeString(target.resolve("bench.txt"), table);
    }

    private interface Measurement {
        List<Row> run() throws Exception;
    }

    /** One part's rows, or a row saying why it measured nothing: the other parts still run. */
    private static void measure(List<Row> rows, String name, Measurement measurement) {
        try {
            rows.addAll(measurement.run());
        } catch (Exception e) {
            e.printStackTrace();
            rows.add(new Row(name + ": not measured (" + e + ")", "-", "-"));
        }
    }

    /** One figure: what, measured value, target. */
    record Row(String measure, String value, String target) {}

    static String table(List<Row> rows) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("wuproxy benchmarks on ").append(machine()).append('\n');
        out.append("JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n");
        out.append("| measure | measured | target |\n| --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(row.measure()).append(" | ").append(row.value()).append(" | ").append(row.target()).append(" |\n");
        }
        return out.toString();
    }

    private static String machine() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        String cpu = Files.isReadable(cpuinfo) ? Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU") : "unknown CPU";
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + ", " + cpu;
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }
}
