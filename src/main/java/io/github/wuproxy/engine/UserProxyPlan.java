package io.github.wuproxy.engine;

import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.UserProxyChoice;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxyStatus;
import java.util.Optional;

/** Decision to the user's own proxy: what the chosen profile's {@code user-proxy} asks for here. Pure. */
final class UserProxyPlan {
    private UserProxyPlan() {}

    /** The user's proxy {@code desired} asks for, with why; {@code held} is what the user holds now. */
    static UserProxyStatus plan(Desired desired, Optional<UserProxySettings> held) {
        Profile profile = desired.selection().profile();
        UserProxyChoice choice = profile.userProxy();
        if (choice instanceof UserProxyChoice.Exactly exactly) {
            return new UserProxyStatus(Optional.of(exactly.settings()), "profile " + profile.name() + " sets it", held);
        }
        if (choice instanceof UserProxyChoice.Same) {
            if (desired.proxy().isEmpty()) {
                return new UserProxyStatus(Optional.empty(), "profile " + profile.name()
                        + " wants the same as Windows Update, which could not be worked out: left as it is", held);
            }
            return new UserProxyStatus(Optional.of(settingsOf(desired.proxy().get())),
                    "profile " + profile.name() + " sets it the same as Windows Update", held);
        }
        return new UserProxyStatus(Optional.empty(), "profile " + profile.name() + " keeps your own settings", held);
    }

    /** A WinHTTP proxy as the user's settings would say it. */
    static UserProxySettings settingsOf(UpdateProxy proxy) {
        return proxy instanceof UpdateProxy.Fixed fixed ? UserProxySettings.fixed(fixed) : UserProxySettings.DIRECT;
    }
}
