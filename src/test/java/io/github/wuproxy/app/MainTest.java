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

/** How Main builds the command line: only the command asked for, and the long-running ones without picocli. */
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
