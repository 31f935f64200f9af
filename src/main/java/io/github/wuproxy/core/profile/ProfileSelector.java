package io.github.wuproxy.core.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the profile for a situation: a manual choice while it applies, else the profile of the
 * highest-priority matching rule (a rule's own priority, else its profile's; ties go to the name first in
 * order, then the rule first in the file), else the fallback.
 * Pure and thread-confined like the rest of the core.
 */
public final class ProfileSelector {
    private final ProfileSet profiles;
    private final List<Ranked> byPriority;

    private record Ranked(Profile profile, MatchRule rule, int priority) {}

    public ProfileSelector(ProfileSet profiles) {
        this.profiles = profiles;
        this.byPriority = profiles.all().stream()
                .flatMap(p -> p.when().stream().map(rule -> new Ranked(p, rule, rule.priorityIn(p))))
                .sorted(Comparator.comparingInt(Ranked::priority).reversed().thenComparing(r -> r.profile().name()))
                .toList();
    }

    public ProfileSet profiles() {
        return profiles;
    }

    public Selection select(Situation situation, Optional<ManualChoice> manual) {
        boolean expired = false;
        if (manual.isPresent()) {
            ManualChoice choice = manual.get();
            Optional<Profile> chosen = profiles.find(choice.profileName());
            boolean sameNetwork = choice.madeAt().equals(situation.location().fingerprint());
            if (chosen.isPresent() && (choice.sticky() || sameNetwork)) {
                return new Selection(chosen.get(), choice.sticky() ? Selection.Basis.STICKY : Selection.Basis.MANUAL,
                        choice.sticky() ? "chosen by hand, kept until you switch back to automatic"
                                : "chosen by hand for this network", false);
            }
            expired = true;
        }
        for (Ranked ranked : byPriority) {
            Verdict verdict = ranked.rule().test(situation);
            if (verdict.holds()) {
                return new Selection(ranked.profile(), Selection.Basis.RULE, verdict.why(), expired);
            }
        }
        Profile fallback = profiles.fallback();
        String where = situation.location().isOffline() ? "offline" : situation.location().describe();
        return new Selection(fallback, Selection.Basis.FALLBACK,
                "no profile matches this network (" + where + "), so the fallback applies", expired);
    }
}
