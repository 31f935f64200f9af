package io.github.wuproxy.config;

import io.github.wuproxy.core.profile.Condition;
import io.github.wuproxy.core.profile.MatchRule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Finds {@code when} blocks that contradict themselves, such as {@code ssid = X} with {@code not { ssid = X }}. */
final class NeverMatches {
    /** Conditions on a signal that has a single value per location. */
    private static final Set<String> SINGLE_VALUED = Set.of("network-category", "network-name", "user-proxy");

    private NeverMatches() {}

    static Optional<String> explain(MatchRule rule) {
        for (Condition condition : rule.conditions()) {
            if (!(condition instanceof Condition.Not not) || not.conditions().size() != 1) {
                continue;
            }
            Condition negated = not.conditions().get(0);
            for (Condition positive : rule.conditions()) {
                if (positive == condition || !positive.key().equals(negated.key())) {
                    continue;
                }
                Set<String> excluded = new HashSet<>(negated.values());
                if (positive.values().equals(negated.values())
                        || (SINGLE_VALUED.contains(positive.key()) && excluded.containsAll(positive.values()))) {
                    return Optional.of("it asks for `" + positive.key() + " = " + positive.values()
                            + "` and excludes the same with `not`");
                }
            }
        }
        return Optional.empty();
    }
}
