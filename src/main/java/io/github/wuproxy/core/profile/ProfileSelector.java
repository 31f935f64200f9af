package io.github.wuproxy.core.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the profile for a situation: a manual choice while it applies, else the highest-priority
 * profile with a matching rule (ties go to the name first in order), else the fallback.
 * Pure and thread-confined like the rest of the core.
 */
public final class ProfileSelector {
    private final ProfileSet profiles;
    private final List<Profile> byPriority;

    public ProfileSelector(ProfileSet profiles) {
        this.profiles = profiles;
        this.byPriority = profiles.all().stream()
                .filter(p -> !p.isManualOnly())
                .sorted(Comparator.comparingInt(Profile::priority).reversed().thenComparing(Profile::name))
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
        for (Profile profile : byPriority) {
            for (MatchRule rule : profile.when()) {
                Verdict verdict = rule.test(situation);
                if (verdict.holds()) {
                    return new Selection(profile, Selection.Basis.RULE, verdict.why(), expired);
                }
            }
        }
        Profile fallback = profiles.fallback();
        String where = situation.location().isOffline() ? "offline" : situation.location().describe();
        return new Selection(fallback, Selection.Basis.FALLBACK,
                "no profile matches this network (" + where + "), so the fallback applies", expired);
    }
}
