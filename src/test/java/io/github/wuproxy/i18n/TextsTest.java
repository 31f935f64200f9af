package io.github.wuproxy.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** English and Japanese have the same keys, and the tray writes no words for people in its code. */
class TextsTest {
    static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/io/github/wuproxy/" + name + ".properties")) {
            assertTrue(in != null, "missing bundle " + name);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli/texts", "tray/texts"})
    void everyKeyIsInEnglishAndJapanese(String name) throws IOException {
        Set<String> english = new TreeSet<>(bundle(name).stringPropertyNames());
        Set<String> japanese = new TreeSet<>(bundle(name + "_ja").stringPropertyNames());
        var onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(japanese);
        var onlyJapanese = new TreeSet<>(japanese);
        onlyJapanese.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, name + ": keys missing in Japanese");
        assertEquals(Set.of(), onlyJapanese, name + ": keys missing in English");
        bundle(name + "_ja").forEach((key, value) -> assertTrue(!value.toString().isBlank(), name + "_ja: " + key + " is empty"));
    }

    @Test
    void explainHasTheFrameInBothAndEveryCodeInJapanese() throws IOException {
        Properties english = bundle("cli/explain");
        Properties japanese = bundle("cli/explain_ja");
        var missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(japanese.stringPropertyNames());
        for (var entry : io.github.wuproxy.core.problem.UpdateErrors.ALL) {
            for (String part : List.of("meaning", "cause", "wuproxy", "you")) {
                if (japanese.getProperty(entry.hex() + "." + part, "").isBlank()) {
                    missing.add(entry.hex() + "." + part);
                }
            }
        }
        assertEquals(Set.of(), missing, "cli/explain_ja lacks these");
        var codes = io.github.wuproxy.core.problem.UpdateErrors.ALL.stream().map(e -> e.hex()).toList();
        for (String key : japanese.stringPropertyNames()) {
            assertTrue(english.containsKey(key) || codes.contains(key.substring(0, key.indexOf('.'))), "unknown key " + key);
        }
    }

    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Calls whose strings are for developers (logs, exceptions) or are names, not words for people. */
    private static final Pattern NOT_FOR_PEOPLE = Pattern.compile(
            "(?s)(\\.(trace|debug|info|warn|error)\\(|new \\w*Exception\\(|System\\.(set|get)Property\\(|static final String BUNDLE =)(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;\"])*;");

    @Test
    void theTrayPackageWritesNoWordsForPeopleInItsCode() throws IOException {
        Properties texts = bundle("tray/texts");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/github/wuproxy/tray"))) {
            for (Path file : files.sorted().toList()) {
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                code = NOT_FOR_PEOPLE.matcher(code).replaceAll("");
                Matcher m = LITERAL.matcher(code);
                while (m.find()) {
                    String literal = m.group().substring(1, m.group().length() - 1);
                    boolean key = texts.containsKey(literal) || (literal.endsWith(".")
                            && texts.stringPropertyNames().stream().anyMatch(k -> k.startsWith(literal)));
                    boolean id = literal.matches("[a-z:-]*");
                    if (!key && !id && literal.chars().anyMatch(Character::isLetter)) {
                        found.add(file.getFileName() + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "words for people belong in tray/texts*.properties");
    }
}
