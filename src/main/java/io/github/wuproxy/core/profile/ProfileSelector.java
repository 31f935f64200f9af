package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the profile for a situation: a manual choice while it applies, else the profile of the
 * highest-priority matching rule (a rule's own priority, else its profile's; ties go to the name first in
 * order, then the rule first in the file), else the fallback.
 * Pure: it keeps recent answers, by the inputs that decide them, and any thread may ask.
 */
public final class ProfileSelector {
    /** Selections kept at most; past this the memory starts again. */
    private static final int REMEMBERED = 256;

    private final ProfileSet profiles;
    private final List<Ranked> byPriority;

    private record Ranked(Profile profile, MatchRule rule, int priority) {}
    /**
     * Selections by the location object (immutable, so the same object gives the same answer) and
     * equal settings and manual choice: the engine, the simulation's reference and its baseline ask
     * again for the same snapshot many times.
     */
    private final Map<Inputs, Selection> remembered = new ConcurrentHashMap<>();

    /** The last answer, one immutable value. */
    private Last last;

    private record Last(Inputs inputs, Selection selection) {}

    /** A situation and a manual choice; the location by identity. */
    private record Inputs(NetworkLocation location, Optional<UserProxySettings> userProxy, Optional<ManualChoice> manual) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Inputs i && i.location == location && i.userProxy.equals(userProxy) && i.manual.equals(manual);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(location) * 31 + userProxy.hashCode()) * 31 + manual.hashCode();
        }
    }

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
        Last last = this.last;
        if (last != null && last.inputs.location == situation.location() && last.inputs.userProxy == situation.userProxy()
                && last.inputs.manual == manual) {
            return last.selection; // the very same objects as the last time: asked again within a round
        }
        Inputs inputs = new Inputs(situation.location(), situation.userProxy(), manual);
        Selection known = remembered.get(inputs);
        if (known == null) {
            known = evaluate(situation, manual);
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(inputs, known);
        }
        this.last = new Last(inputs, known);
        return known;
    }

    private Selection evaluate(Situation situation, Optional<ManualChoice> manual) {
        boolean expired = false;
        if (manual.isPresent()) {
            ManualChoice choice = manual.get();
            Optional<Profile> chosen = profiles.find(choice.profileName());
            boolean sameNetwork = choice.madeAt().equals(situation.location().fingerprint());
            if (chosen.isPresent() && (choice.sticky() || sameNetwork)) {
                return new Selection(chosen.get(), choice.sticky() ? Selection.Basis.STICKY : Selection.Basis.MANUAL,
                        Reason.of(choice.sticky() ? Reason.Kind.STICKY : Reason.Kind.MANUAL), false);
            }
            expired = true;
        }
        for (Ranked ranked : byPriority) {
            Verdict verdict = ranked.rule().test(situation);
            if (verdict.holds()) {
                return new Selection(ranked.profile(), Selection.Basis.RULE, Reason.rule(verdict), expired);
            }
        }
        Profile fallback = profiles.fallback();
        Reason reason = situation.location().isOffline() ? Reason.of(Reason.Kind.FALLBACK_OFFLINE)
                : Reason.of(Reason.Kind.FALLBACK, situation.location().describe());
        return new Selection(fallback, Selection.Basis.FALLBACK, reason, expired);
    }
}
