package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void passesOnTheShippedProfilesWithALinePerProfile() {
        assertEquals(0, run("profiles"));
        assertEquals("""
                corporate    priority  100  follow-user  1 rule  (profiles/corporate.conf)
                direct       priority   50  direct       1 rule  (profiles/direct.conf)
                mobile       priority    0  follow-user  fallback  (profiles/mobile.conf)
                3 profiles OK; fallback is mobile.
                """, out.toString().replace("\r\n", "\n").replace('\\', '/'));
        assertEquals("", err.toString());
    }

    @Test
    void failsWithExitTwoAndEveryProblemOnBrokenOnes() {
        assertEquals(2, run(Fixtures.resourceFolder("profiles/broken").toString(), "--agent-conf", "none.conf"));
        String text = err.toString();
        assertTrue(text.contains("bad-port.conf:4: `proxy.server`"), text);
        assertTrue(text.contains("misspelt-keys.conf:1: unknown key `prority`; did you mean `priority`?"), text);
        assertTrue(text.endsWith("19 problems found. Fix them, then run `wuproxy check "
                + Fixtures.resourceFolder("profiles/broken") + "` again." + System.lineSeparator()), text);
        assertTrue(!text.contains("Exception") && !text.contains("\tat "), text);
        assertEquals("", out.toString());
    }

    @Test
    void reportsAgentSettingProblemsToo() {
        assertEquals(2, run("profiles", "--agent-conf", Fixtures.resourceFolder("profiles/agent-conf").resolve("broken.conf").toString()));
        assertTrue(err.toString().contains("broken.conf:3: `foreign-write` must be reassert or yield, found \"fight\""), err.toString());
    }
}
