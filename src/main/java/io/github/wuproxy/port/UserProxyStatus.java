package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user's own proxy in the agent's status: what the profile wants it to be here, why,
 * and what the user holds as last reported.
 *
 * @param wanted empty when the profile keeps your own settings ({@code user-proxy = keep}, or nothing could be worked out)
 * @param why one line: which profile asks for it and how
 * @param held the user's settings as their tray last reported them; empty when unknown
 */
public record UserProxyStatus(Optional<UserProxySettings> wanted, String why, Optional<UserProxySettings> held) {
    public static final UserProxyStatus UNKNOWN = new UserProxyStatus(Optional.empty(), "", Optional.empty());

    public UserProxyStatus {
        why = why == null ? "" : why;
    }

    /** Written out, as {@link AgentStatus#equals} is. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof UserProxyStatus o && Objects.equals(wanted, o.wanted) && why.equals(o.why)
                && Objects.equals(held, o.held);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wanted, why, held);
    }

    /** Whether the user's settings must be written: something is wanted and the user holds something else. */
    public boolean needsWrite() {
        return wanted.isPresent() && !wanted.equals(held);
    }

    public UserProxyStatus withHeld(Optional<UserProxySettings> value) {
        return new UserProxyStatus(wanted, why, value);
    }

    /** One line for the tray and {@code status}: {@code direct (profile home sets it)}. */
    public String describe() {
        String holds = held.map(UserProxySettings::describe).orElse("unknown");
        if (wanted.isEmpty()) {
            return holds + (why.isEmpty() ? "" : " (" + why + ")");
        }
        return holds + " (" + why + (needsWrite() ? "; being set to " + wanted.get().describe() : "") + ")";
    }
}
