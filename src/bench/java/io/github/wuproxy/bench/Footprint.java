package io.github.wuproxy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real processes through the launcher (agent/wuproxy, so with its JVM options), one after
 * the other: process start to "ready" (the first decision logged), then, once idle for a minute, the
 * resident memory and the thread wake-ups over the next minute, from /proc.
 */
final class Footprint {
    private static final long IDLE_MILLIS = 60_000;

    private static final int CLI_ROUNDS = 7;

    private record Started(String name, Process process, long readyMillis, long readyAt, Path data) {}

    private final List<Started> started = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    static Footprint start(Path target) throws Exception {
        Footprint f = new Footprint();
        // a part of the bench that fails must not leave these running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> f.started.forEach(s -> {
            s.process().descendants().forEach(ProcessHandle::destroy);
            s.process().destroy();
        }), "bench-footprint-stop"));
        f.launch("service", List.of("agent/wuproxy", "service"), false);
        f.launch("agent --headless", List.of("agent/wuproxy", "agent", "--headless"), false);
        f.launch("service without the class-data archive (WUPROXY_CDS=off)", List.of("agent/wuproxy", "service"), true);
        if (Files.isExecutable(Path.of("/usr/bin/xvfb-run"))) {
            f.launch("agent with the tray (Xvfb)", List.of("xvfb-run", "-a", "agent/wuproxy", "agent"), false);
        } else {
            f.failures.add("agent with the tray: not measured, xvfb-run is missing");
        }
        return f;
    }

    private void launch(String name, List<String> command, boolean withoutArchive) throws Exception {
        Path data = Files.createTempDirectory("wuproxy-bench-data");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WUPROXY_JAVA_OPTS", "-Dwuproxy.data=" + data);
        if (withoutArchive) {
            builder.environment().put("WUPROXY_CDS", "off");
        }
        long start = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Long> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains(" ready: ")) {
                        ready.complete(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException("it exited before it was ready"));
        }, "bench-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long at = ready.get(30, TimeUnit.SECONDS);
            started.add(new Started(name, process, (at - start) / 1_000_000, System.currentTimeMillis(), data));
        } catch (Exception e) {
            failures.add(name + ": not ready (" + e.getMessage() + ")");
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    List<Bench.Row> finish() throws Exception {
        List<Bench.Row> rows = new ArrayList<>();
        for (Started s : started) {
            rows.add(new Bench.Row("start to ready (process start → first decision logged): " + s.name(), s.readyMillis() + " ms", "≤ 800 ms"));
        }
        long idleSince = started.stream().mapToLong(Started::readyAt).max().orElse(System.currentTimeMillis());
        Thread.sleep(Math.max(0, idleSince + IDLE_MILLIS - System.currentTimeMillis()));
        Map<String, Map<String, Long>> before = new HashMap<>();
        for (Started s : started) {
            before.put(s.name(), switches(java(s)));
        }
        Thread.sleep(IDLE_MILLIS);
        for (Started s : started) {
            long pid = java(s);
            Map<String, Long> after = switches(pid);
            Map<String, Long> ours = new TreeMap<>();
            long jvm = 0;
            for (var e : after.entrySet()) {
                long delta = e.getValue() - before.get(s.name()).getOrDefault(e.getKey(), 0L);
                String thread = e.getKey().replaceAll("#\\d+$", "");
                if (thread.startsWith("wuproxy") || thread.startsWith("Quartz") || thread.startsWith("ipc")) {
                    ours.merge(thread, delta, Long::sum);
                } else {
                    jvm += delta;
                }
            }
            long ownTotal = ours.values().stream().mapToLong(Long::longValue).sum();
            String target = s.name().contains("tray") ? "≤ 96 MB" : "≤ 48 MB";
            rows.add(new Bench.Row("idle RSS after 60 s: " + s.name(), rss(pid), target));
            rows.add(new Bench.Row("wake-ups per minute of wuproxy's own threads, idle: " + s.name(),
                    ownTotal + (ours.isEmpty() ? "" : " " + ours.toString().replace("=", ": ")) + "; JVM's own threads: " + jvm, "0 (event-driven)"));
        }
        if (!started.isEmpty() && started.get(0).name().equals("service")) {
            rows.addAll(cliStart(started.get(0).data()));
        }
        for (Started s : started) {
            s.process().descendants().forEach(ProcessHandle::destroy);
            s.process().destroy();
            s.process().waitFor(10, TimeUnit.SECONDS);
        }
        failures.forEach(f -> rows.add(new Bench.Row(f, "-", "-")));
        return rows;
    }

    /**
     * Wall time of the CLI commands that do not talk to Windows, through the launcher, against a Java
     * hello-world: interleaved rounds, medians, so the machine's load falls on all alike. status asks
     * the idle service.
     */
    private static List<Bench.Row> cliStart(Path serviceData) throws Exception {
        Map<String, List<String>> commands = new java.util.LinkedHashMap<>();
        commands.put("hello", List.of("java", "-cp", "target/test-classes", Hello.class.getName()));
        commands.put("explain", List.of("agent/wuproxy", "explain", "0x80072EFD"));
        commands.put("check", List.of("agent/wuproxy", "check"));
        commands.put("status", List.of("agent/wuproxy", "status"));
        commands.put("explain (WUPROXY_CDS=off)", List.of("agent/wuproxy", "explain", "0x80072EFD"));
        commands.put("check (WUPROXY_CDS=off)", List.of("agent/wuproxy", "check"));
        commands.put("status (WUPROXY_CDS=off)", List.of("agent/wuproxy", "status"));
        Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        for (int round = 0; round < CLI_ROUNDS; round++) {
            for (var e : commands.entrySet()) {
                ProcessBuilder builder = new ProcessBuilder(e.getValue()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("WUPROXY_JAVA_OPTS", "-Dwuproxy.data=" + serviceData);
                if (e.getKey().contains("CDS=off")) {
                    builder.environment().put("WUPROXY_CDS", "off");
                }
                long start = System.nanoTime();
                int exit = builder.start().waitFor();
                long nanos = System.nanoTime() - start;
                if (exit != 0) {
                    throw new IOException(e.getKey() + " exited with " + exit);
                }
                times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(nanos);
            }
        }
        double hello = median(times.get("hello"));
        List<Bench.Row> rows = new ArrayList<>();
        rows.add(new Bench.Row("CLI start: Java hello-world, wall time (median of " + CLI_ROUNDS + ", interleaved with the rows below)",
                Bench.ms(hello / 1e6), "the unit of the rows below"));
        for (var e : times.entrySet()) {
            if (!e.getKey().equals("hello")) {
                double median = median(e.getValue());
                rows.add(new Bench.Row("CLI start: wuproxy " + e.getKey() + ", wall time / hello-world's",
                        String.format(Locale.ROOT, "%.1fx (%s)", median / hello, Bench.ms(median / 1e6)), "≤ 4x"));
            }
        }
        return rows;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The java process: the launcher execs java; xvfb-run runs it as a child. */
    private static long java(Started s) {
        Optional<ProcessHandle> java = s.process().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst();
        return java.map(ProcessHandle::pid).orElse(s.process().pid());
    }

    /** Context switches per thread name (voluntary + involuntary): each is a wake-up. */
    private static Map<String, Long> switches(long pid) throws IOException {
        Map<String, Long> result = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip() + "#" + task.getFileName();
                    long total = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                    result.put(name, total);
                } catch (IOException e) {
                    // the thread ended
                }
            }
        }
        return result;
    }

    /** VmRSS, and its anonymous part (heap, JIT, metaspace, malloc, the relocated class-data archive) and its files (libjvm.so...). */
    private static String rss(long pid) throws IOException {
        Map<String, Long> kb = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("RssAnon:") || line.startsWith("RssFile:")) {
                kb.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("[^0-9]", "")));
            }
        }
        if (!kb.containsKey("VmRSS")) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.1f MB, %,d kB (anonymous %.1f, files %.1f)", kb.get("VmRSS") / 1024.0, kb.get("VmRSS"),
                kb.getOrDefault("RssAnon", 0L) / 1024.0, kb.getOrDefault("RssFile", 0L) / 1024.0);
    }
}
