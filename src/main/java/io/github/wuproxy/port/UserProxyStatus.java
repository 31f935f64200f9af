package io.github.wuproxy.port;

import io.github.wuproxy.core.profile.Reason;
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
 * @param reason {@code why} as data, for front ends to render in the user's language
 */
public record UserProxyStatus(Optional<UserProxySettings> wanted, String why, Optional<UserProxySettings> held, Reason reason) {
    public static final UserProxyStatus UNKNOWN = new UserProxyStatus(Optional.empty(), "", Optional.empty());

    public UserProxyStatus {
        why = why == null ? "" : why;
        reason = reason == null ? Reason.text(why) : reason;
    }

    /** A reason known only in English words. */
    public UserProxyStatus(Optional<UserProxySettings> wanted, String why, Optional<UserProxySettings> held) {
        this(wanted, why, held, Reason.text(why));
    }

    public UserProxyStatus(Optional<UserProxySettings> wanted, Reason reason, Optional<UserProxySettings> held) {
        this(wanted, reason.english(), held, reason);
    }

    /** Written out, as {@link AgentStatus#equals} is. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof UserProxyStatus o && Objects.equals(wanted, o.wanted) && why.equals(o.why)
                && Objects.equals(held, o.held) && reason.equals(o.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wanted, why, held, reason);
    }

    /** Whether the user's settings must be written: something is wanted and the user holds something else. */
    public boolean needsWrite() {
        return wanted.isPresent() && !wanted.equals(held);
    }

    public UserProxyStatus withHeld(Optional<UserProxySettings> value) {
        return new UserProxyStatus(wanted, why, value, reason);
    }
}
