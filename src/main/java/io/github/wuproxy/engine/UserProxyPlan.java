package io.github.wuproxy.engine;

import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.Reason;
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
            return new UserProxyStatus(Optional.of(exactly.settings()), Reason.of(Reason.Kind.USER_SETS, profile.name()), held);
        }
        if (choice instanceof UserProxyChoice.Same) {
            if (desired.proxy().isEmpty()) {
                return new UserProxyStatus(Optional.empty(), Reason.of(Reason.Kind.USER_SAME_UNKNOWN, profile.name()), held);
            }
            return new UserProxyStatus(Optional.of(settingsOf(desired.proxy().get())),
                    Reason.of(Reason.Kind.USER_SAME, profile.name()), held);
        }
        return new UserProxyStatus(Optional.empty(), Reason.of(Reason.Kind.USER_KEEPS, profile.name()), held);
    }

    /** A WinHTTP proxy as the user's settings would say it. */
    static UserProxySettings settingsOf(UpdateProxy proxy) {
        return proxy instanceof UpdateProxy.Fixed fixed ? UserProxySettings.fixed(fixed) : UserProxySettings.DIRECT;
    }
}
