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

    /** Why a user may not choose {@code profile}, in English (the log's, the channel's error), or empty when they may. */
    public Optional<String> refusesChoiceOf(String profile) {
        return choiceRefusal(profile).map(Policy::english);
    }

    /** The same as data for the front ends to word: {@code managed-locked}, or {@code managed-only} with the profiles allowed. */
    public Optional<AgentRefusal.Why> choiceRefusal(String profile) {
        if (locked) {
            return Optional.of(AgentRefusal.Why.of("managed-locked"));
        }
        if (!allowedProfiles.isEmpty() && !allowedProfiles.contains(profile)) {
            return Optional.of(AgentRefusal.Why.of("managed-only", String.join(", ", allowedProfiles.stream().sorted().toList())));
        }
        return Optional.empty();
    }

    /** The refusal when the choice itself is locked (automatic, sticky, remember): {@code managed-choice}. */
    public static final AgentRefusal.Why CHOICE_LOCKED = AgentRefusal.Why.of("managed-choice");

    /** A policy refusal's English words. */
    public static String english(AgentRefusal.Why why) {
        return switch (why.code()) {
            case "managed-locked" -> "managed by your organisation: profiles cannot be chosen by hand";
            case "managed-only" -> "managed by your organisation: only " + why.values().get(0) + " may be chosen by hand";
            case "managed-choice" -> "managed by your organisation: the choice cannot be changed";
            default -> throw new IllegalArgumentException("no policy refusal " + why.code());
        };
    }
}
