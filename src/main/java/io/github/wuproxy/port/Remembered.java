package io.github.wuproxy.port;

import java.util.Optional;

/**
 * What "remember this network as" did: the rule added to the machine's copy of a profile, its priority,
 * and the profile that still applies here when another profile's rule ranks higher.
 *
 * @param priority the remembered rule's priority: its profile's, or its own when kept
 * @param kept whether the rule was given a priority of its own, above the rule that won here
 * @param stillApplies the profile whose rule still wins here, if not this one
 */
public record Remembered(String profile, String file, int priority, boolean kept, Optional<Winner> stillApplies) {
    /** A profile whose rule wins on this network, and that rule's priority. */
    public record Winner(String profile, int priority) {}

    /** For the log: what was done, in the agent's words. */
    public String describe() {
        return "remembered this network as " + profile + " in " + file + " (priority " + priority + (kept ? ", kept" : "") + ")"
                + stillApplies.map(w -> "; profile " + w.profile() + " still applies here at priority " + w.priority()).orElse("");
    }
}
