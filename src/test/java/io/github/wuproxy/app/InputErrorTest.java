package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A mistake on the command line says what is wrong in the user's language, then the usage; rc 2. */
class InputErrorTest {
    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreLanguage() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    private int run(Locale language, String... args) {
        Locale.setDefault(Locale.Category.DISPLAY, language);
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anUnknownOptionIsNamedInEnglishAsPicocliDid() {
        assertEquals(2, run(Locale.ENGLISH, "status", "--x"));
        assertTrue(err.toString().startsWith("Unknown option: '--x'\nUsage: wuproxy status"), err.toString());
    }

    @Test
    void anUnknownOptionIsNamedInJapanese() {
        assertEquals(2, run(Locale.JAPANESE, "status", "--x", "--y=a b"));
        assertTrue(err.toString().startsWith("不明なオプションです: '--x', '--y=a b'\n使い方: wuproxy status"), err.toString());
    }

    @Test
    void aMissingParameterAndAnOptionWithoutItsValueAreNamedInJapanese() {
        assertEquals(2, run(Locale.JAPANESE, "use"));
        assertTrue(err.toString().startsWith("必須の引数 'PROFILE|auto' が指定されていません\n使い方: wuproxy use"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run(Locale.JAPANESE, "check", "--agent-conf"));
        assertTrue(err.toString().startsWith("オプション '--agent-conf' には値 (FILE) を指定してください\n"), err.toString());
    }

    @Test
    void aMistypedCommandGetsASuggestionInJapanese() {
        assertEquals(2, run(Locale.JAPANESE, "statu"));
        assertTrue(err.toString().startsWith("余分な引数があります: 'statu'\n次のいずれかではありませんか: status"), err.toString());
    }
}
