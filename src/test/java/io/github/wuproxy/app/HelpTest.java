package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** The whole command tree as built for {@code locale}, as with {@code -Duser.language}. */
    private static CommandLine in(Locale locale) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return Main.commandLine();
        } finally {
            Locale.setDefault(before);
        }
    }

    private static void eachDescribed(CommandLine command, java.util.function.BiConsumer<String, String[]> check) {
        var spec = command.getCommandSpec();
        check.accept(spec.qualifiedName(), spec.usageMessage().description());
        spec.options().forEach(o -> check.accept(spec.qualifiedName() + " " + o.longestName(), o.description()));
        spec.positionalParameters().forEach(p -> check.accept(spec.qualifiedName() + " " + p.paramLabel(), p.description()));
        command.getSubcommands().values().forEach(sub -> eachDescribed(sub, check));
    }

    @Test
    void everyCommandOptionAndParameterIsDescribedInEnglishAndInJapanese() {
        List<String> missing = new ArrayList<>();
        eachDescribed(in(Locale.ENGLISH), (what, text) -> {
            if (String.join("", text).isBlank()) {
                missing.add("en: " + what);
            }
        });
        eachDescribed(in(Locale.JAPANESE), (what, text) -> {
            if (String.join("", text).chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                missing.add("ja: " + what + " " + String.join("", text));
            }
        });
        assertEquals(List.of(), missing, "descriptions missing (keys wuproxy.COMMAND.usage.description, wuproxy.COMMAND.OPTION in cli/texts*.properties)");
    }

    @Test
    void japaneseHelpIsJapanese() {
        CommandLine cli = in(Locale.JAPANESE);
        var text = new StringWriter();
        cli.getSubcommands().get("simulate").usage(new PrintWriter(text, true));
        assertTrue(text.toString().startsWith("使い方: wuproxy simulate"), text.toString());
        assertTrue(text.toString().contains("仮想時間"), text.toString());
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
