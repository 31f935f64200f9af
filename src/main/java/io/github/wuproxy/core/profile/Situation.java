package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UserProxySettings;

/** Everything a rule may look at: where the laptop is, and the signed-in user's own proxy settings. */
public record Situation(NetworkLocation location, UserProxySettings userProxy) {
    public Situation {
        location = location == null ? NetworkLocation.offline() : location;
        userProxy = userProxy == null ? UserProxySettings.DIRECT : userProxy;
    }
}
