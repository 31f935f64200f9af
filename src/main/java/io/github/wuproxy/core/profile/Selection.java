package io.github.wuproxy.core.profile;

/**
 * The profile the selector picked and why, in one line a user understands.
 *
 * @param why the reason in English, for the log and the machine output
 * @param manualExpired the manual choice no longer applies (the network changed) and should be cleared
 * @param reason the reason as data, for front ends to render in the user's language
 */
public record Selection(Profile profile, Basis basis, String why, boolean manualExpired, Reason reason) {
    public Selection(Profile profile, Basis basis, Reason reason, boolean manualExpired) {
        this(profile, basis, reason.english(), manualExpired, reason);
    }

    /** A reason known only in English words. */
    public Selection(Profile profile, Basis basis, String why, boolean manualExpired) {
        this(profile, basis, why, manualExpired, Reason.text(why));
    }

    /** How the profile came to be chosen. */
    public enum Basis {
        RULE,
        FALLBACK,
        MANUAL,
        STICKY
    }
}
