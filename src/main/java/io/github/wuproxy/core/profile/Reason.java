package io.github.wuproxy.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a profile was chosen, or why the user's own proxy is what it is, as data: a kind and the values it names
 * (a profile, a network). {@link #english()} is the log's, {@code --json}'s and simulate's line, unchanged;
 * front ends render the kind in the user's language through {@link ReasonTexts}.
 */
public record Reason(Kind kind, List<String> values) {
    /** The kinds of reason, each with its values in order. */
    public enum Kind {
        /** Chosen by hand for this network. */
        MANUAL,
        /** Chosen by hand, kept until automatic. */
        STICKY,
        /** A rule matched: the conditions' evidence in English, then its phrases ({@link #rule}). */
        RULE,
        /** Behind a captive portal: Windows Update stays direct until the user signs in. */
        CAPTIVE_PORTAL,
        /** No profile matches: the network's description. */
        FALLBACK,
        /** No profile matches and there is no network. */
        FALLBACK_OFFLINE,
        /** The user's proxy: the profile (its name) keeps the user's own settings. */
        USER_KEEPS,
        /** The user's proxy: the profile sets it. */
        USER_SETS,
        /** The user's proxy: the profile sets it as Windows Update's. */
        USER_SAME,
        /** The user's proxy: the same as Windows Update's, which could not be worked out. */
        USER_SAME_UNKNOWN,
        /** Only the English words are known (from an older agent): shown as they are. */
        TEXT
    }

    public Reason {
        values = List.copyOf(values);
    }

    public static Reason of(Kind kind, String... values) {
        return new Reason(kind, List.of(values));
    }

    /** A rule that matched: its English words, then each phrase as its key, the number of its values and the values. */
    public static Reason rule(Verdict verdict) {
        List<String> values = new ArrayList<>();
        values.add(verdict.why());
        for (Verdict.Phrase phrase : verdict.phrases()) {
            values.add(phrase.key());
            values.add(String.valueOf(phrase.args().size()));
            values.addAll(phrase.args());
        }
        return new Reason(Kind.RULE, values);
    }

    /** The phrases of a {@link Kind#RULE} reason; empty when it has none (an older agent's) or they do not read. */
    public List<Verdict.Phrase> phrases() {
        List<Verdict.Phrase> phrases = new ArrayList<>();
        int i = 1;
        while (kind == Kind.RULE && i < values.size()) {
            int count;
            try {
                count = i + 1 < values.size() ? Integer.parseInt(values.get(i + 1)) : -1;
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0 || i + 2 + count > values.size()) {
                return List.of();
            }
            phrases.add(new Verdict.Phrase(values.get(i), values.subList(i + 2, i + 2 + count)));
            i += 2 + count;
        }
        return phrases;
    }

    /** English words whose kind is not known. */
    public static Reason text(String english) {
        return of(Kind.TEXT, english == null ? "" : english);
    }

    private String value(int i) {
        return i < values.size() ? values.get(i) : "";
    }

    /** The one English line, exactly as the log and the machine output have always written it. */
    public String english() {
        return switch (kind) {
            case MANUAL -> "chosen by hand for this network";
            case STICKY -> "chosen by hand, kept until you switch back to automatic";
            case RULE, TEXT -> value(0);
            case CAPTIVE_PORTAL -> "behind a captive portal: Windows Update stays direct until you sign in to this network";
            case FALLBACK -> "no profile matches this network (" + value(0) + "), so the fallback applies";
            case FALLBACK_OFFLINE -> "no profile matches this network (offline), so the fallback applies";
            case USER_KEEPS -> "profile " + value(0) + " keeps your own settings";
            case USER_SETS -> "profile " + value(0) + " sets it";
            case USER_SAME -> "profile " + value(0) + " sets it the same as Windows Update";
            case USER_SAME_UNKNOWN -> "profile " + value(0) + " wants the same as Windows Update, which could not be worked out: left as it is";
        };
    }
}
