package io.github.wuproxy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What each library and subsystem costs the idle service: the classes it loads (from
 * -Xlog:class+load, through the launcher), and the RSS those classes add when a JVM with the agent's
 * options loads them alone (not initialised, so no objects of theirs), against the same JVM loading
 * none. Two such JVMs differ by up to about 0.5 MB.
 */
final class ClassCost {
    private static final String AGENT_OPTIONS = "-Xms2m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xmn1m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -XX:CompileThresholdScaling=10";

    /** Library by class-name prefix, first match wins. */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("logback", List.of("ch.qos.logback."));
        GROUPS.put("JDK XML parser (logback.xml)", List.of("com.sun.org.apache.", "javax.xml.", "org.xml.sax.", "jdk.xml.", "org.w3c."));
        GROUPS.put("Jackson", List.of("com.fasterxml.jackson."));
        GROUPS.put("picocli", List.of("picocli."));
        GROUPS.put("Typesafe Config", List.of("com.typesafe.config."));
        GROUPS.put("Quartz", List.of("org.quartz."));
        GROUPS.put("SLF4J", List.of("org.slf4j."));
        GROUPS.put("JNA", List.of("com.sun.jna."));
        GROUPS.put("wuproxy", List.of("io.github.wuproxy."));
        GROUPS.put("JDK (java.*, sun.*, jdk.*, others)", List.of(""));
    }

    private ClassCost() {}

    static List<Bench.Row> run(Path target) throws Exception {
        Path work = Files.createTempDirectory("wuproxy-bench-classes");
        Path log = work.resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder("agent/wuproxy", "service").redirectErrorStream(true);
        builder.environment().put("WUPROXY_JAVA_OPTS", "-Dwuproxy.data=" + work.resolve("data") + " -Xlog:class+load:file=" + log);
        Process service = builder.start();
        try {
            awaitLine(service, "listening for wuproxy", 60);
            Thread.sleep(5_000);
        } finally {
            service.destroy();
            service.waitFor(10, TimeUnit.SECONDS);
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Integer> archived = new LinkedHashMap<>();
        Map<String, Integer> generated = new LinkedHashMap<>();
        GROUPS.keySet().forEach(g -> names.put(g, new ArrayList<>()));
        int total = 0;
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.split(" ");
            if (parts.length < 3 || !parts[2].equals("source:")) {
                continue;
            }
            String name = parts[1];
            String group = group(name);
            total++;
            if (line.contains("shared objects file")) {
                archived.merge(group, 1, Integer::sum);
            }
            if (name.contains("$$Lambda") || name.contains("/0x") || name.startsWith("java.lang.invoke.LambdaForm$")) {
                generated.merge(group, 1, Integer::sum); // made at run time: cannot be loaded by name
            } else {
                names.get(group).add(name);
            }
        }
        // every group's JVM at once, and the floor's: RSS does not depend on the load of the machine
        Map<String, Process> loaders = new LinkedHashMap<>();
        loaders.put("", loader(null));
        for (var e : names.entrySet()) {
            Path list = work.resolve("group" + loaders.size() + ".txt");
            Files.write(list, e.getValue());
            loaders.put(e.getKey(), loader(list));
        }
        Map<String, Long> rss = new LinkedHashMap<>();
        try {
            for (var e : loaders.entrySet()) {
                awaitLine(e.getValue(), "loaded", 120);
            }
            Thread.sleep(2_000);
            for (var e : loaders.entrySet()) {
                rss.put(e.getKey(), rssKb(e.getValue().pid()));
            }
        } finally {
            loaders.values().forEach(Process::destroy);
        }
        long floor = rss.get("");
        List<Bench.Row> rows = new ArrayList<>();
        int archivedTotal = archived.values().stream().mapToInt(Integer::intValue).sum();
        rows.add(new Bench.Row("classes loaded by the idle service (launcher, with its archive): all", total + " (" + archivedTotal
                + " from the class-data archives); a JVM with the agent's options loading no class: " + mb(floor) + " RSS", "-"));
        for (String group : GROUPS.keySet()) {
            int count = names.get(group).size() + generated.getOrDefault(group, 0);
            rows.add(new Bench.Row("classes loaded by the idle service: " + group,
                    count + " (" + archived.getOrDefault(group, 0) + " archived)"
                            + (count == 0 ? "" : "; loaded alone without the archive: +" + mb(rss.get(group) - floor) + " RSS"), "-"));
        }
        return rows;
    }

    private static String group(String name) {
        for (var e : GROUPS.entrySet()) {
            for (String prefix : e.getValue()) {
                if (name.startsWith(prefix)) {
                    return e.getKey();
                }
            }
        }
        throw new IllegalStateException("no group for " + name);
    }

    private static Process loader(Path list) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(AGENT_OPTIONS.split(" ")));
        command.addAll(List.of("-cp", "target/wuproxy.jar" + java.io.File.pathSeparator + "target/test-classes", LoadClasses.class.getName()));
        if (list != null) {
            command.add(list.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitLine(Process process, String text, int seconds) throws Exception {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains(text)) {
                        seen.complete(null);
                    }
                }
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
            seen.completeExceptionally(new IOException("it exited before printing \"" + text + "\""));
        }, "bench-reader");
        reader.setDaemon(true);
        reader.start();
        seen.get(seconds, TimeUnit.SECONDS);
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    static String mb(long kb) {
        return String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
    }
}
