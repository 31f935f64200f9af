package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Optional;

/**
 * Everything a rule may look at: where the laptop is, and the signed-in user's own proxy settings
 * (empty while unknown: nobody signed in, or the tray has not reported them).
 */
public record Situation(NetworkLocation location, Optional<UserProxySettings> userProxy) {
    public Situation {
        location = location == null ? NetworkLocation.offline() : location;
        userProxy = userProxy == null ? Optional.empty() : userProxy;
    }

    public Situation(NetworkLocation location, UserProxySettings userProxy) {
        this(location, Optional.ofNullable(userProxy));
    }
}
