package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** simulate as a process: stdout and stderr in one stream (2>&1) in the order things happened, the same each run; output lost fails the run. */
class SimulateProcessTest {
    @Test
    void logLinesSitBetweenWholeLinesInTheOrderTheyHappened() throws Exception {
        String first = run();
        assertEquals(first, run(), "the same each run");
        List<String> lines = first.lines().toList();
        int logged = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("ERROR ") || line.startsWith("WARN ")) {
                logged++;
                String code = line.split(" +")[1];
                // the engine logs a problem as it raises it; simulate's problem line follows at once
                assertTrue(lines.get(i + 1).contains("\"type\":\"problem\",\"code\":\"" + code + "\""), lines.get(i + 1));
            } else {
                io.github.wuproxy.json.Json.parse(line); // whole: no log line cut into it
            }
        }
        assertTrue(logged >= 2, first);
    }

    @Test
    void outputThatCannotBeWrittenFailsTheRun() throws Exception {
        Process process = new ProcessBuilder(command()).start();
        process.getInputStream().close(); // as `| head -1` does once it has its line, or a full disk
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), err);
        assertTrue(err.endsWith("The output could not be written in full (a full disk, or a closed pipe): do not trust this run's lines."
                + System.lineSeparator()), err);
    }

    /**
     * The replay starts while the timeline is still read: its faults log warnings and print lines long
     * before the parse reaches the bad last line, and none of it may show.
     */
    @Test
    void aTimelineBrokenAtItsEndPrintsNothingButWhatIsWrong(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder(java.nio.file.Files.readString(Path.of("src/test/resources/timelines/faults.jsonl")));
        for (int t = 3000; t < 3000 + 400_000; t++) {
            text.append("{\"t\":").append(t).append(",\"scan\":{}}\n");
        }
        int last = text.toString().split("\n", -1).length;
        text.append("{\"t\":999999,\"scna\":{}}\n");
        Path timeline = dir.resolve("long.jsonl");
        java.nio.file.Files.writeString(timeline, text);
        List<String> command = command();
        command.set(command.size() - 1, timeline.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), out);
        assertEquals(timeline + ":" + last + ": unknown field `scna`", out.strip().replaceFirst(";.*", ""));
    }

    private static String run() throws Exception {
        Process process = new ProcessBuilder(command()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static List<String> command() {
        // the product's own logging: without the tests' logback-test.xml
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwuproxy.home=" + Path.of("").toAbsolutePath(), "-cp", classPath, Main.class.getName(),
                "simulate", "--output", "all", "src/test/resources/timelines/faults.jsonl"));
        return command;
    }
}
