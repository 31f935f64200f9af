package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging set up in code writes what agent/logback.xml writes, and an edited file still wins. */
class LogbackSetupTest {
    @Test
    void codeWritesTheSameLinesAsTheShippedXml(@TempDir Path xmlLogs, @TempDir Path codeLogs) throws Exception {
        List<String> xml = lines(xmlLogs, context -> {
            context.putProperty("wuproxy.logs", xmlLogs.toString());
            context.putProperty("wuproxy.log.level", "DEBUG");
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(Path.of("agent/logback.xml").toFile());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        List<String> code = lines(codeLogs, context -> LogbackSetup.agent(context, codeLogs.toString(), "DEBUG"));
        assertEquals(xml, code);
        assertTrue(code.stream().anyMatch(l -> l.endsWith("SSID Cafe\\n2026 ERROR forged\\r\\u001b[2J")), code.toString());
        assertTrue(code.stream().anyMatch(l -> l.endsWith("proxy http://***@proxy.corp.example:8080/x.pac?... unreachable")), code.toString());
        assertFalse(code.stream().anyMatch(l -> l.contains("quartz says")), "org.quartz logs warnings only");
        String shipped = Files.readString(Path.of("agent/logback.xml"));
        for (String pattern : List.of(LogbackSetup.FILE_PATTERN, LogbackSetup.AGENT_CONSOLE_PATTERN)) {
            assertTrue(shipped.contains("<pattern>" + pattern + "</pattern>"), pattern);
        }
        assertTrue(shipped.contains("<maxFileSize>5MB</maxFileSize>") && shipped.contains("io.github.wuproxy.app.LogRolling")
                && shipped.contains("wuproxy.%i.log.gz"));
    }

    @Test
    void aLogOverFiveMegabytesRollsIntoACompressedFile(@TempDir Path logs) throws Exception {
        // logback looks at the size on the first line, then once a minute
        Files.writeString(logs.resolve("wuproxy.log"), "old line\n".repeat(600_000)); // 5.4 MB
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogbackSetup.agent(context, logs.toString(), "INFO");
        context.getLogger("io.github.wuproxy.Test").info("first line after the start");
        context.stop();
        assertEquals(List.of(), Files.readAllLines(logs.resolve("wuproxy.log")).stream().filter(l -> l.equals("old line")).toList());
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(logs.resolve("wuproxy.1.log.gz")))) {
            assertEquals("old line\n".repeat(600_000), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLogThatCannotBeMovedIsNotRolledAndNoArchiveIsLost(@TempDir Path logs) throws Exception {
        Path live = logs.resolve("wuproxy.log");
        Files.writeString(live, "old line\n".repeat(600_000)); // 5.4 MB
        for (int i = 1; i <= 3; i++) {
            Files.writeString(LogRolling.archive(logs, i), "archive " + i);
        }
        // as a file another program holds open on Windows: here the name it would be moved to is taken
        Files.createDirectories(logs.resolve("wuproxy.log.rolling").resolve("taken"));
        for (int start = 0; start < 3; start++) { // each start looks at the size on its first line
            logOneLine(logs, "line " + start);
        }
        for (int i = 1; i <= 3; i++) {
            assertEquals("archive " + i, Files.readString(LogRolling.archive(logs, i)));
        }
        assertFalse(Files.exists(LogRolling.archive(logs, 4)));
        List<String> lines = Files.readAllLines(live);
        assertEquals(600_003, lines.size(), "the log goes on, in the same file");
        assertTrue(lines.get(600_002).endsWith(" - line 2"), lines.get(600_002));

        Files.delete(logs.resolve("wuproxy.log.rolling").resolve("taken"));
        Files.delete(logs.resolve("wuproxy.log.rolling"));
        logOneLine(logs, "after");
        assertEquals("archive 1", Files.readString(LogRolling.archive(logs, 2)), "rolled once it could");
        assertEquals("archive 3", Files.readString(LogRolling.archive(logs, 4)));
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(LogRolling.archive(logs, 1)))) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("old line\n"));
        }
        assertTrue(Files.readString(live).endsWith(" - after\n"));
        assertFalse(Files.exists(logs.resolve("wuproxy.log.rolling")));
    }

    @Test
    void aLogLeftAsideByARollCutShortIsKeptInTheNextArchive(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("wuproxy.log.rolling"), "PRECIOUS older line\n");
        Files.writeString(logs.resolve("wuproxy.log"), "old line\n".repeat(600_000)); // 5.4 MB, written since
        logOneLine(logs, "after");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(LogRolling.archive(logs, 1)))) {
            assertEquals("PRECIOUS older line\n" + "old line\n".repeat(600_000), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse(Files.exists(logs.resolve("wuproxy.log.rolling")));
        assertTrue(Files.readString(logs.resolve("wuproxy.log")).endsWith(" - after\n"));
    }

    @Test
    void aLogLeftAsideByAKilledAgentIsTheLogAgainAtTheNextStart(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("wuproxy.log.rolling"), "before the kill\n");
        logOneLine(logs, "after the restart");
        List<String> lines = Files.readAllLines(logs.resolve("wuproxy.log"));
        assertEquals("before the kill", lines.get(0));
        assertTrue(lines.get(1).endsWith(" - after the restart"), lines.toString());
        assertFalse(Files.exists(logs.resolve("wuproxy.log.rolling")));
    }

    private static void logOneLine(Path logs, String message) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogbackSetup.agent(context, logs.toString(), "INFO");
        context.getLogger("io.github.wuproxy.Test").info(message);
        context.stop();
    }

    @Test
    void theCliLayoutWritesWhatItsPatternWrites() {
        assertEquals(90, compare(LogbackSetup.CLI_PATTERN, new CliLogLayout(), "io.github.wuproxy.Test", "main"));
    }

    @Test
    void theAgentLayoutsWriteWhatTheirPatternsWrite() {
        for (String loggerName : List.of("io.github.wuproxy.engine.SyncEngine", "x", "a.b.c.d.e.f.g.h.i.j.k.LongerThanTwentyCharacters", "org.quartz.core.QuartzSchedulerThread")) {
            for (String thread : List.of("wuproxy-engine", "", "th[r]ead\n- %d")) {
                assertEquals(90, compare(LogbackSetup.FILE_PATTERN, new AgentLogLayout(true), loggerName, thread));
                assertEquals(90, compare(LogbackSetup.AGENT_CONSOLE_PATTERN, new AgentLogLayout(false), loggerName, thread));
            }
        }
    }

    /** Lays out events of every level, hostile message and throwable with both; returns how many. */
    private static int compare(String patternText, ch.qos.logback.core.LayoutBase<ch.qos.logback.classic.spi.ILoggingEvent> layout, String loggerName, String thread) {
        LoggerContext context = new LoggerContext();
        var registry = new java.util.HashMap<String, java.util.function.Supplier<ch.qos.logback.core.pattern.DynamicConverter<?>>>();
        registry.put("safeMsg", SafeLogMessage::new);
        registry.put("safeEx", SafeLogThrowable::new);
        context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        var pattern = new ch.qos.logback.classic.PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(patternText);
        pattern.start();
        layout.setContext(context);
        layout.start();
        var logger = context.getLogger(loggerName);
        var cause = new IllegalStateException("cause with http://bob:s3cr%40t@proxy:3128/?q=1\nforged");
        int compared = 0;
        for (var level : List.of(ch.qos.logback.classic.Level.TRACE, ch.qos.logback.classic.Level.DEBUG, ch.qos.logback.classic.Level.INFO,
                ch.qos.logback.classic.Level.WARN, ch.qos.logback.classic.Level.ERROR)) {
            for (String message : List.of("", "plain", "SSID {} joined", "Cafe\n2026 ERROR forged\r\u001b[2J\u2028",
                    "proxy http://alice:p@ss@proxy.corp.example:8080/x.pac?token=abc unreachable", "日本語 😀 100%")) {
                for (Throwable thrown : new Throwable[] {null, new java.io.IOException("/tmp/x\nforged", cause), new Error((String) null)}) {
                    var event = new ch.qos.logback.classic.spi.LoggingEvent("x", logger, level, message, thrown, new Object[] {"a\nb"});
                    event.setThreadName(thread);
                    // every time of day and the millisecond's digits
                    event.setTimeStamp(1_780_000_000_000L + compared * 3_600_007L);
                    assertEquals(pattern.doLayout(event), layout.doLayout(event), level + " " + message + " " + thrown);
                    compared++;
                }
            }
        }
        return compared;
    }

    @Test
    void onlyAnEditedAgentLogbackXmlIsParsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logback.xml");
        assertFalse(AgentRuntime.editedLogbackXml(file), "no file: the shipped set-up");
        String shipped = Files.readString(Path.of("agent/logback.xml"));
        Files.writeString(file, shipped);
        assertFalse(AgentRuntime.editedLogbackXml(file));
        Files.writeString(file, shipped.replace("\n", "\r\n"));
        assertFalse(AgentRuntime.editedLogbackXml(file), "Windows line ends change nothing");
        Files.writeString(file, shipped.replace("<maxFileSize>5MB</maxFileSize>", "<maxFileSize>9MB</maxFileSize>"));
        assertTrue(AgentRuntime.editedLogbackXml(file));
        Files.delete(file);
        Files.createDirectory(file);
        assertFalse(AgentRuntime.editedLogbackXml(file), "a folder is no file");
    }

    private static List<String> lines(Path logs, Consumer<LoggerContext> configure) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        configure.accept(context);
        context.getLogger("io.github.wuproxy.Test").debug("network changed: SSID {}", "Cafe\n2026 ERROR forged\r\u001b[2J");
        context.getLogger("io.github.wuproxy.Test").warn("proxy http://alice:p@ss@proxy.corp.example:8080/x.pac?token=abc unreachable");
        context.getLogger("org.quartz.Scheduler").info("quartz says hello");
        context.getLogger("elsewhere").error("failed", new java.io.IOException("/tmp/x\nforged"));
        context.stop();
        return Files.readAllLines(logs.resolve("wuproxy.log"), StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ", ""))
                .filter(l -> !l.startsWith("\tat ")).toList();
    }
}
