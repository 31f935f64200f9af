package io.github.wuproxy.port;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What the organisation decided through Group Policy (HKLM\SOFTWARE\Policies\wuproxy); each value
 * wins over agent.conf and over the user. Empty or false means "not configured".
 *
 * @param profilesFolder profiles that replace machine and shipped ones of the same name
 * @param locked users may not choose profiles or pause
 * @param allowedProfiles when not empty, the only profiles users may choose by hand
 */
public record Policy(
        Optional<Path> profilesFolder,
        boolean locked,
        Set<String> allowedProfiles,
        Optional<Duration> settleDelay,
        Optional<String> foreignWrite,
        Optional<Boolean> notifications,
        Optional<Path> diagnosticsFolder) {

    public static final Policy NONE = new Policy(Optional.empty(), false, Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public Policy {
        allowedProfiles = Set.copyOf(allowedProfiles);
    }

    /** Why a user may not choose {@code profile}, or empty when they may. */
    public Optional<String> refusesChoiceOf(String profile) {
        if (locked) {
            return Optional.of("managed by your organisation: profiles cannot be chosen by hand");
        }
        if (!allowedProfiles.isEmpty() && !allowedProfiles.contains(profile)) {
            return Optional.of("managed by your organisation: only " + String.join(", ", allowedProfiles.stream().sorted().toList())
                    + " may be chosen by hand");
        }
        return Optional.empty();
    }
}
