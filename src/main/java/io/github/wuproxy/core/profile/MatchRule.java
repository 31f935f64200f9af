package io.github.wuproxy.core.profile;

import java.util.ArrayList;
import java.util.List;

/** One {@code when} block of a profile: it matches when all of its conditions hold. */
public record MatchRule(List<Condition> conditions, SourcePosition position) {
    public MatchRule {
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a when block needs at least one condition");
        }
    }

    public Verdict test(Situation situation) {
        return allOf(conditions, situation);
    }

    static Verdict allOf(List<Condition> conditions, Situation situation) {
        List<String> reasons = new ArrayList<>();
        for (Condition condition : conditions) {
            Verdict verdict = condition.test(situation);
            if (!verdict.holds()) {
                return verdict;
            }
            reasons.add(verdict.why());
        }
        return Verdict.yes(String.join(" and ", reasons));
    }
}
