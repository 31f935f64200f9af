package io.github.wuproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.wuproxy.port.ProfileException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Profiles written by someone who wants the service to read, fetch or choke on something. */
class HostileProfilesTest {
    private static List<String> problems(Path folder) {
        var e = assertThrows(ProfileException.class, () -> HoconProfileCatalog.of(folder, "direct").load());
        return e.problems().stream().map(p -> p.toString().replace(folder + "/", "")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"include \"%s\"", "include url(\"%s\")", "include file(\"/etc/passwd\")",
        "include classpath(\"reference.conf\")", "include required(url(\"%s\"))", "include required( file(\"/etc/hosts\") )"})
    void refusesEveryIncludeFormAnywhereWithItsLineAndNeverFetches(String form, @TempDir Path folder) throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = "proxy = direct\n".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String include = form.formatted("http://127.0.0.1:" + server.getAddress().getPort() + "/x.conf");
            Files.writeString(folder.resolve("top.conf"), "proxy = direct\n" + include + "\n");
            Files.writeString(folder.resolve("nested.conf"), "proxy = direct\nwhen = [\n  { ssid = a }\n  { not { " + include + " } }\n]\n");
            Files.writeString(folder.resolve("inline.conf"), "proxy { source = fixed, server = \"p.example:80\" }, x { " + include + " }\n");
            assertEquals(List.of("inline.conf:1: " + SafeHocon.INCLUDE_REFUSED, "nested.conf:4: " + SafeHocon.INCLUDE_REFUSED,
                    "top.conf:2: " + SafeHocon.INCLUDE_REFUSED), problems(folder));
            assertEquals(0, fetched.get(), "nothing is fetched");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anIncludeSplitOverLinesIsRefusedByTheParserToo(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("split.conf"), "proxy = direct\nx {\n include\n file(\"/etc/passwd\") }\n");
        List<String> found = problems(folder);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("split.conf:"), found.toString());
    }

    @Test
    void theWordIncludeInAStringOrACommentOrAKeyIsNotAnInclude(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("direct.conf"), """
                # include "file:///etc/passwd"
                proxy = direct // include url("http://x")
                when = [ { network-name = "include file(\\"x\\")" } ]
                """);
        assertEquals("direct", HoconProfileCatalog.of(folder, "direct").load().fallback().name());
    }

    @Test
    void refusesDeepNestingWithTheLineInsteadOfOverflowingTheStack(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("deep.conf"), "proxy = direct\nwhen = [\n" + "{ not ".repeat(20_000) + "}".repeat(20_000) + "]\n");
        Files.writeString(folder.resolve("lists.conf"), "proxy = direct\nx = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
        assertEquals(List.of("deep.conf:3: blocks and lists are nested more than 32 deep here; a profile needs a few levels at most",
                "lists.conf:2: blocks and lists are nested more than 32 deep here; a profile needs a few levels at most"), problems(folder));
    }

    @Test
    void refusesAHugeFileWithoutReadingItAll(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("huge.conf"), "proxy = direct\n" + "# padding\n".repeat(3_000_000));
        assertEquals(List.of("huge.conf: cannot read the file: it is 30000015 bytes; at most 262144 are read (a profile is a few hundred bytes)"),
                problems(folder));
    }

    @Test
    void refusesAProfileThatIsALinkOrAFifo(@TempDir Path folder) throws Exception {
        Files.createSymbolicLink(folder.resolve("shadow.conf"), Path.of("/etc/passwd"));
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("fifo.conf").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.writeString(folder.resolve("direct.conf"), "proxy = direct\n");
        assertEquals(List.of("shadow.conf: cannot read the file: it is a symbolic link; put the file itself here"), problems(folder));
    }

    @Test
    void agentConfIsHeldToTheSameRules(@TempDir Path folder) throws Exception {
        Path conf = folder.resolve("agent.conf");
        Files.writeString(conf, "log-level = INFO\nx { include file(\"/etc/passwd\") }\n");
        var e = assertThrows(ProfileException.class, () -> AgentSettingsLoader.load(conf));
        assertEquals(List.of(conf + ":2: " + SafeHocon.INCLUDE_REFUSED), e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void aProfileCannotReadTheServicesEnvironment(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("direct.conf"), "proxy = direct\ndescription = ${PATH}\n");
        List<String> found = problems(folder);
        assertEquals(1, found.size(), found.toString());
        assertEquals("direct.conf:2: ${PATH} names nothing in this file, and the environment is not read; write the value itself", found.get(0));
    }

    @Test
    void aBadUnicodeEscapeIsAProblemWithItsLineNotACrash(@TempDir Path folder) throws Exception {
        // found by fuzzing: the HOCON tokenizer threw IllegalArgumentException on \\u-202
        Files.writeString(folder.resolve("direct.conf"), "proxy = direct\ndescription = \"x\\u-2028\"\n");
        assertEquals(List.of("direct.conf:2: \\u in a quoted string must be followed by four hex digits, like \\u00e9"), problems(folder));
    }
}
