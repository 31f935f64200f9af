package io.github.wuproxy.core.profile;

/**
 * The profile the selector picked and why, in one line a user understands.
 *
 * @param manualExpired the manual choice no longer applies (the network changed) and should be cleared
 */
public record Selection(Profile profile, Basis basis, String why, boolean manualExpired) {

    /** How the profile came to be chosen. */
    public enum Basis {
        RULE,
        FALLBACK,
        MANUAL,
        STICKY
    }
}
