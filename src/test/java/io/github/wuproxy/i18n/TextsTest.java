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
    @ValueSource(strings = {"cli/texts", "tray/texts", "core/problem/problems", "core/profile/reasons"})
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
    void everyProblemCodeSaysWhatFailedAndWhatToDoInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("core/problem/problems", "core/problem/problems_ja")) {
            Properties texts = bundle(name);
            for (var code : io.github.wuproxy.core.problem.ProblemCode.values()) {
                for (String part : List.of(".headline", ".todo")) {
                    if (texts.getProperty(code.id() + part, "").isBlank()) {
                        missing.add(name + ": " + code.id() + part);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
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
    /**
     * Where a string is for developers (logs, exceptions), a name (system properties, annotation attributes
     * naming options and placeholders, JSON fields, channel operations), not words for people.
     */
    private static final Pattern NOT_FOR_PEOPLE = Pattern.compile("(?s)(\\.(trace|debug|info|warn|error)\\(|new \\w*Exception\\("
            + "|System\\.(set|get)Property\\(|static final String BUNDLE =)(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;\"])*;"
            + "|\\b(paramLabel|names|name|descriptionKey|synopsisSubcommandLabel)\\s*=\\s*(\\{[^}]*\\}|\"(?:[^\"\\\\]|\\\\.)*\")"
            + "|\\.(put|path|has|set|request)\\(\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Names written as they are in every language: the product's and a command's. */
    private static final Set<String> NAMES = Set.of("wuproxy ", "wuproxy simulate ");

    /**
     * The string literals in {@code code} that read as words for people: with a space, or a capitalised
     * word, and neither a key of {@code texts} (nor the start of one, ending in '.') nor a name.
     */
    static List<String> wordsForPeople(String code, Properties texts) {
        String stripped = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//[^\\n]*|\\s//[^\\n\"]*$", "");
        stripped = NOT_FOR_PEOPLE.matcher(stripped).replaceAll("");
        List<String> found = new ArrayList<>();
        Matcher m = LITERAL.matcher(stripped);
        while (m.find()) {
            String literal = m.group().substring(1, m.group().length() - 1);
            boolean key = texts.containsKey(literal) || (literal.endsWith(".") && !literal.contains(" ")
                    && texts.stringPropertyNames().stream().anyMatch(k -> k.startsWith(literal)));
            String text = literal.replaceAll("\\\\[ntr]|%[-#+ 0-9.]*[a-zA-Z%]", " ").strip(); // escapes and format specifiers are no words
            boolean words = text.chars().anyMatch(Character::isLetter) && (text.contains(" ") || text.matches("[A-Z][a-z].*"));
            if (words && !key && !NAMES.contains(literal)) {
                found.add("\"" + literal + "\"");
            }
        }
        return found;
    }

    /** The CLI's one format that is not for people: JUnit XML for CI. */
    private static final Set<String> NOT_MESSAGES = Set.of("JUnitReport.java");

    @ParameterizedTest
    @ValueSource(strings = {"tray", "cli"})
    void noPackageWithWordsForPeopleWritesThemInItsCode(String pkg) throws IOException {
        Properties texts = bundle(pkg + "/texts");
        if (pkg.equals("cli")) {
            texts.putAll(bundle("cli/explain"));
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/github/wuproxy/" + pkg))) {
            for (Path file : files.sorted().toList()) {
                if (!NOT_MESSAGES.contains(file.getFileName().toString())) {
                    wordsForPeople(Files.readString(file), texts).forEach(w -> found.add(file.getFileName() + ": " + w));
                }
            }
        }
        assertEquals(List.of(), found, "words for people belong in " + pkg + "/texts*.properties");
    }

    @Test
    void theCheckFindsAMessageWrittenInCodeAndPassesKeysAndNames() {
        Properties texts = new Properties();
        texts.setProperty("restore.nothing", "Nothing to restore.");
        assertEquals(List.of("\"Could not read the backup: \"", "\"Restored\"", "\"%d problems found%n\""), wordsForPeople("""
                err.println("Could not read the backup: " + e.getMessage());
                out.println("Restored");
                err.printf("%d problems found%n", n);
                out.append(String.format(Locale.ROOT, "  %-36s %s%n", name, value));
                out.println(Texts.get("restore.nothing"));
                log.warn("could not read {}", file);
                throw new IllegalStateException("unreachable: " + action);
                @Option(names = "--json", paramLabel = "FILE", descriptionKey = "json") boolean json;
                node.put("likelyCause", cause);
                String version = "wuproxy " + current(); // the product's name
                """, texts));
    }
}
