package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the profile for a situation: a manual choice while it applies, else the highest-priority
 * profile with a matching rule (ties go to the name first in order), else the fallback.
 * Pure and thread-confined like the rest of the core.
 */
public final class ProfileSelector {
    /** Slots for recent selections (a power of two); a slot holds the last one whose inputs hash to it. */
    private static final int REMEMBERED = 64;

    private final ProfileSet profiles;
    private final List<Profile> byPriority;
    /**
     * Recent selections by the location object (immutable, so the same object gives the same answer)
     * and equal settings and manual choice: the engine, the simulation's reference and its baseline
     * ask again for the same snapshot many times. Entries are immutable; a racing write loses one entry, nothing more.
     */
    private final Remembered[] remembered;

    private record Remembered(NetworkLocation location, Optional<UserProxySettings> userProxy, Optional<ManualChoice> manual,
            Selection selection) {}

    public ProfileSelector(ProfileSet profiles) {
        this(profiles, REMEMBERED);
    }

    /** With {@code slots} (a power of two) for recent selections; one slot makes every answer meet the last's key. */
    ProfileSelector(ProfileSet profiles, int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        this.remembered = new Remembered[slots];
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
        int slot = (System.identityHashCode(situation.location()) * 31 + situation.userProxy().hashCode()) * 31 + manual.hashCode();
        slot = (slot ^ (slot >>> 16)) & (remembered.length - 1);
        Remembered r = remembered[slot];
        if (r != null && r.location == situation.location() && r.userProxy.equals(situation.userProxy()) && r.manual.equals(manual)) {
            return r.selection;
        }
        Selection selection = evaluate(situation, manual);
        remembered[slot] = new Remembered(situation.location(), situation.userProxy(), manual, selection);
        return selection;
    }

    private Selection evaluate(Situation situation, Optional<ManualChoice> manual) {
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
