package io.github.wuproxy.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One {@code when} block of a profile: it matches when all of its conditions hold.
 *
 * @param priority the block's own priority, above or below its profile's (a network remembered and kept); empty: the profile's
 */
public record MatchRule(List<Condition> conditions, SourcePosition position, OptionalInt priority) {
    public MatchRule {
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a when block needs at least one condition");
        }
        priority = priority == null ? OptionalInt.empty() : priority;
    }

    /** A block with its profile's priority. */
    public MatchRule(List<Condition> conditions, SourcePosition position) {
        this(conditions, position, OptionalInt.empty());
    }

    /** This block's priority: its own, else its profile's. */
    public int priorityIn(Profile profile) {
        return priority.orElse(profile.priority());
    }

    public Verdict test(Situation situation) {
        return allOf(conditions, situation);
    }

    static Verdict allOf(List<Condition> conditions, Situation situation) {
        List<String> reasons = new ArrayList<>();
        List<Verdict.Phrase> phrases = new ArrayList<>();
        for (Condition condition : conditions) {
            Verdict verdict = condition.test(situation);
            if (!verdict.holds()) {
                return verdict;
            }
            reasons.add(verdict.why());
            phrases.addAll(verdict.phrases());
        }
        return new Verdict(true, String.join(" and ", reasons), phrases);
    }
}
