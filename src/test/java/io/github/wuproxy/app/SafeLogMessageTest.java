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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's own logging configuration, writing a real file: one event, one line, no secrets. */
class SafeLogMessageTest {
    @Test
    void aHostileStringCannotForgeALineOrLeakAPassword(@TempDir Path logs) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("wuproxy.logs", logs.toString());
        context.putProperty("wuproxy.log.level", "INFO");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("agent/logback.xml").toFile());
        var log = context.getLogger("io.github.wuproxy.Test");
        String ssid = "Cafe\n2026-11-29 08:00:00,000 ERROR [wuproxy-engine] SyncEngine - WUP201 forged\r\u001b[2J\u0085\u2028";
        log.info("network changed: SSID {}", ssid);
        log.warn("proxy http://alice:p@ss/w:rd%40@proxy.corp.example:8080/x.pac?token=abc unreachable");
        log.error("could not read", new java.io.IOException("/tmp/x\n2026-11-29 ERROR forged http://bob:pw@p.example:80",
                new IllegalStateException("cause\r\nforged too")));
        context.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() > 0).forEach(System.out::println);
        context.stop();
        List<String> lines = Files.readAllLines(logs.resolve("wuproxy.log"), StandardCharsets.UTF_8);
        assertEquals(5, lines.stream().filter(l -> !l.startsWith("\t")).count(), "two messages, one with an exception and its cause");
        assertTrue(lines.get(2).endsWith("ERROR [main] i.g.wuproxy.Test - could not read"), lines.get(2));
        assertEquals("java.io.IOException: /tmp/x\\n2026-11-29 ERROR forged http://***@p.example:80", lines.get(3));
        assertTrue(lines.contains("Caused by: java.lang.IllegalStateException: cause\\r\\nforged too"), lines.toString());
        assertTrue(lines.get(0).endsWith("SSID Cafe\\n2026-11-29 08:00:00,000 ERROR [wuproxy-engine] SyncEngine - WUP201 forged\\r\\u001b[2J\\u0085\\u2028"),
                lines.get(0));
        assertFalse(lines.get(1).contains("alice") || lines.get(1).contains("p@ss") || lines.get(1).contains("token"), lines.get(1));
        assertTrue(lines.get(1).endsWith("proxy http://***@proxy.corp.example:8080/x.pac?... unreachable"), lines.get(1));
    }
}
