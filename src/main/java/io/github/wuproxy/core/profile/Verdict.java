package io.github.wuproxy.core.profile;

import java.util.List;

/**
 * Whether a condition holds, with the reason in words a user understands: {@code why} in English (the
 * log's, simulate's), and for a condition that holds the same as phrases the front ends say in the
 * user's language ({@link ReasonTexts}).
 */
public record Verdict(boolean holds, String why, List<Phrase> phrases) {
    /** One piece of evidence: a key of {@code reasons*.properties} ({@code phrase.KEY}) and the values it names. */
    public record Phrase(String key, List<String> args) {
        public Phrase {
            args = List.copyOf(args);
        }
    }

    public Verdict {
        phrases = List.copyOf(phrases);
    }

    /** Holds: {@code english} is exactly what {@code phrase.KEY} says in English with {@code args}. */
    static Verdict yes(String english, String key, String... args) {
        return new Verdict(true, english, List.of(new Phrase(key, List.of(args))));
    }

    /** Holds, with words that are the same in every language (keys and values of the profile file). */
    static Verdict yesAsIs(String words) {
        return yes(words, "as-is", words);
    }

    static Verdict no(String why) {
        return new Verdict(false, why, List.of());
    }
}
