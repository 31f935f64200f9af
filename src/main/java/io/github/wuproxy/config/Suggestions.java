package io.github.wuproxy.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt keys and words. */
public final class Suggestions {
    private Suggestions() {}

    /** {@code "; did you mean `priority`?"} or, when nothing is close, the list of known words. */
    static String didYouMean(String word, Collection<String> known) {
        return closest(word, known).map(best -> "; did you mean `" + best + "`?")
                .orElse("; known keys are " + String.join(", ", known.stream().sorted().toList()));
    }

    /** The known word a slip of the keyboard away from {@code word}, if one is. */
    public static java.util.Optional<String> closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
