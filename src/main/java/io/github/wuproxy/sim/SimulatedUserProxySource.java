package io.github.wuproxy.sim;

import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxySource;
import java.util.Optional;

/** The signed-in user's proxy settings, set by a script or test. */
public final class SimulatedUserProxySource implements UserProxySource {
    private Optional<UserProxySettings> current;

    public SimulatedUserProxySource(UserProxySettings initial) {
        current = Optional.ofNullable(initial);
    }

    public void set(UserProxySettings settings) {
        current = Optional.ofNullable(settings);
    }

    @Override
    public Optional<UserProxySettings> current() {
        return current;
    }
}
