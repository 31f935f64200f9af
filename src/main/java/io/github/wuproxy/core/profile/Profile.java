package io.github.wuproxy.core.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named way of setting the Windows Update proxy, with the rules that say where it applies. A
 * profile without rules is chosen only by hand or as the fallback.
 *
 * @param priority higher wins when several profiles match
 * @param bits whether the BITS service accounts' proxy follows the WinHTTP proxy too
 * @param verification whether the proxy is tested before it is kept
 * @param userProxy what happens to the signed-in user's own proxy here ({@code user-proxy})
 */
public record Profile(
        String name,
        ProfileKind kind,
        String description,
        int priority,
        List<MatchRule> when,
        ProxySource source,
        boolean bits,
        Verification verification,
        SourcePosition position,
        UserProxyChoice userProxy) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    public Profile {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("profile name \"" + name
                    + "\" must be 1 to 40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        description = description == null ? "" : description;
        when = List.copyOf(when);
        verification = verification == null ? Verification.OFF : verification;
        if (source == null) {
            throw new IllegalArgumentException("profile " + name + " needs a proxy source");
        }
        userProxy = userProxy == null ? UserProxyChoice.KEEP : userProxy;
    }

    /** A profile that keeps the user's own proxy as it is. */
    public Profile(String name, ProfileKind kind, String description, int priority, List<MatchRule> when, ProxySource source,
            boolean bits, Verification verification, SourcePosition position) {
        this(name, kind, description, priority, when, source, bits, verification, position, UserProxyChoice.KEEP);
    }

    public boolean isManualOnly() {
        return when.isEmpty();
    }
}
