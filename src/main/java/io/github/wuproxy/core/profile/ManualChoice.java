package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.location.LocationFingerprint;

/**
 * A profile the user picked by hand. It wins until the location's fingerprint changes, or, when
 * sticky, until the user goes back to automatic.
 */
public record ManualChoice(String profileName, boolean sticky, LocationFingerprint madeAt) {
    /** As a record compares, written out, as {@code AgentState}'s that holds it. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ManualChoice c && sticky == c.sticky && java.util.Objects.equals(profileName, c.profileName)
                && java.util.Objects.equals(madeAt, c.madeAt);
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hashCode(profileName) * 31 + Boolean.hashCode(sticky)) * 31 + java.util.Objects.hashCode(madeAt);
    }
}
