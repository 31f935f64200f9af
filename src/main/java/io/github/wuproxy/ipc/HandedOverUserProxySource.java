package io.github.wuproxy.ipc;

import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxySource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The signed-in user's proxy settings as the tray in their session handed them over: a service
 * running as SYSTEM cannot read them itself.
 */
public final class HandedOverUserProxySource implements UserProxySource {
    private final AtomicReference<Optional<UserProxySettings>> latest = new AtomicReference<>(Optional.empty());

    /** True when the settings differ from the ones held before. */
    public boolean handOver(UserProxySettings settings) {
        return !Optional.of(settings).equals(latest.getAndSet(Optional.of(settings)));
    }

    @Override
    public Optional<UserProxySettings> current() {
        return latest.get();
    }
}
