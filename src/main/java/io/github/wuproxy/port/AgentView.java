package io.github.wuproxy.port;

import io.github.wuproxy.core.profile.ProfileKind;
import java.util.List;
import java.util.Optional;

/**
 * What a front end shows for one caller: the agent's status, the profiles it may offer, and what
 * this caller may do.
 *
 * @param status empty while the agent starts, or when it does not answer
 * @param unavailable why no status could be had, when none could
 */
public record AgentView(Optional<AgentStatus> status, List<Offer> profiles, Rights rights, Optional<String> unavailable) {
    public AgentView {
        profiles = List.copyOf(profiles);
    }

    public static AgentView unavailable(String why) {
        return new AgentView(Optional.empty(), List.of(), Rights.NONE, Optional.of(why));
    }

    /** A profile as a menu offers it; {@code refused} says why the caller may not choose it. */
    public record Offer(String name, ProfileKind kind, Optional<String> refused) {}

    /**
     * What the caller may do.
     *
     * @param choose pick profiles, sync, scan
     * @param admin also pause, resume, reload, set, and remember networks
     * @param managed why the organisation's policy locks the choice, when it does
     */
    public record Rights(boolean choose, boolean admin, Optional<String> managed) {
        public static final Rights NONE = new Rights(false, false, Optional.empty());
    }
}
