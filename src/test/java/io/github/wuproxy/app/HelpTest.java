package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers -h and --help with its usage, rc 0; `wuproxy help COMMAND` does the same. */
class HelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void everyCommandTakesDashHAndDashDashHelp() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            for (String flag : new String[] {"-h", "--help"}) {
                out.getBuffer().setLength(0);
                err.getBuffer().setLength(0);
                assertEquals(0, run(command, flag), command + " " + flag + ": " + err);
                assertTrue(out.toString().contains("wuproxy " + command) || command.equals("help"), command + " " + flag + ": " + out);
                assertEquals("", err.toString(), command + " " + flag);
            }
        }
    }

    @Test
    void helpCommandPrintsThatCommandsUsage() {
        assertEquals(0, run("help", "simulate"));
        assertTrue(out.toString().startsWith("Usage: wuproxy simulate"), out.toString());
    }

    @Test
    void theCommandListShowsWholeDescriptions() {
        assertEquals(0, run("--help"));
        String flat = out.toString().replaceAll("\\s+", " ");
        assertTrue(flat.contains("Exit 1 when an expectation fails."), flat);
        assertTrue(flat.contains("carries no passwords and no query strings of URLs."), flat);
        assertFalse(flat.contains("virtual time; record"), "simulate's description is cut: " + flat);
    }
}
