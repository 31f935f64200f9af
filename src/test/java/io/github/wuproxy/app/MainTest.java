package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.state.FileStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Main builds the command line: only the command asked for, and the long-running ones and the bare short ones without picocli. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void theListNamesEveryCommandAndACommandNamedFirstIsBuiltAlone() {
        List<String> all = new ArrayList<>(Main.COMMANDS.stream().flatMap(List::stream).toList());
        all.add("help");
        assertEquals(all, new ArrayList<>(Main.commandLine().getSubcommands().keySet()));
        for (List<String> group : Main.COMMANDS) {
            List<String> expected = new ArrayList<>(group);
            expected.add("help");
            for (String name : group) {
                assertEquals(expected, new ArrayList<>(Main.commandLine(name).getSubcommands().keySet()), name);
            }
        }
        assertEquals(all, new ArrayList<>(Main.commandLine("stauts").getSubcommands().keySet()), "a typo gets every command, for the suggestion");
    }

    /** The bare forms print, to the byte, what picocli's commands print for the same request, and load no picocli. */
    @Test
    void theBareFormsSayWhatTheirCommandsSay() throws Exception {
        String code = "0x80072EFD";
        List<List<List<String>>> pairs = List.of(
                List.of(List.of("explain", code), List.of("explain", "--", code)),
                List.of(List.of("explain", code, "--json"), List.of("explain", "--json", code)),
                List.of(List.of("explain", "0x12345678"), List.of("explain", "--", "0x12345678")),
                List.of(List.of("explain", "nonsense"), List.of("explain", "--", "nonsense")),
                List.of(List.of("check"), List.of("check", "--")),
                List.of(List.of("status"), List.of("status", "--")),
                List.of(List.of("status", "--json"), List.of("status", "--json", "--")),
                List.of(List.of("simulate", "src/test/resources/timelines/user-proxy-day.jsonl"),
                        List.of("simulate", "--", "src/test/resources/timelines/user-proxy-day.jsonl")),
                List.of(List.of("simulate", "--output", "failures", "src/test/resources/timelines"),
                        List.of("simulate", "--output=failures", "src/test/resources/timelines")),
                List.of(List.of("simulate", "--output", "summary", "no such timeline.jsonl"),
                        List.of("simulate", "--output=summary", "no such timeline.jsonl")));
        for (var pair : pairs) {
            Ran bare = run(pair.get(0));
            Ran picocli = run(pair.get(1));
            assertEquals(picocli.exit, bare.exit, pair.toString());
            assertEquals(picocli.out, bare.out, pair.toString());
            assertEquals(picocli.err, bare.err, pair.toString());
            assertFalse(bare.classes.contains("picocli."), pair.get(0) + " loaded picocli");
            assertTrue(picocli.classes.contains("picocli."), pair.get(1) + " went to picocli");
            assertFalse(bare.out.isBlank() && bare.err.isBlank(), pair.toString());
        }
    }

    @Test
    void anythingButTheBareFormsGoesToPicocli() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("status", "--help"), List.of("status", "-h"), List.of("status", "x"),
                List.of("check", "profiles"), List.of("check", "--json"), List.of("explain"), List.of("explain", "--json"),
                List.of("explain", "@args.txt"), List.of("explain", "-1"), List.of("explain", "a", "b"), List.of("explain", "--help", "--json"),
                List.of("statuss"), List.of("use", "direct"), List.of("explain", "0x" + "F".repeat(30)), List.of("simulate"),
                List.of("simulate", "--junit", "r.xml", "dir"), List.of("simulate", "dir", "--output", "all"), List.of("simulate", "@args"),
                List.of("simulate", "--output", "everything", "dir"), List.of("simulate", "--help"), List.of("simulate", "-"),
                List.of("simulate", "a\u0000b"))) {
            assertTrue(Main.runBare(args).isEmpty(), args.toString());
        }
    }

    private record Ran(int exit, String out, String err, String classes) {}

    private Ran run(List<String> args) throws Exception {
        Path classes = dir.resolve("classes.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-Dwuproxy.data=" + dir.resolve("data"), "-Dwuproxy.home=" + Path.of("").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Ran(process.exitValue(), out, err, java.nio.file.Files.readString(classes));
    }

    @Test
    void theServiceStartsWithoutPicocliAndSaysWhyItCannotStart() throws Exception {
        AgentPaths paths = new AgentPaths(Path.of("").toAbsolutePath(), dir.resolve("data"));
        FileStateStore.Lock lock = paths.claim("service", new FileStateStore(paths.state()));
        try {
            for (List<String> args : List.of(List.of("service"), List.of("agent", "--headless"))) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class",
                        "-Dwuproxy.data=" + paths.data(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
                command.addAll(args);
                Process process = new ProcessBuilder(command).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS));
                assertEquals(1, process.exitValue(), args + ": " + err);
                String role = args.get(0);
                assertTrue(err.startsWith("The " + role + " did not start: another wuproxy agent (process "), args + ": " + err);
                assertTrue(out.contains("io.github.wuproxy.app.AgentRuntime "), "the class log is read: " + args);
                assertFalse(out.contains("picocli."), args + " loaded picocli");
            }
        } finally {
            lock.close();
        }
    }
}
