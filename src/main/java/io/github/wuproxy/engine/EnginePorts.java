package io.github.wuproxy.engine;

import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.port.ProxyVerifier;
import io.github.wuproxy.port.ScanSchedule;
import io.github.wuproxy.port.UpdateScanner;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.Timers;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.port.UserProxySource;
import java.time.InstantSource;

/** Everything the engine needs from the world; Windows adapters or simulated ones. */
public record EnginePorts(
        NetworkLocationSource network,
        UpdateProxyStore store,
        UserProxySource user,
        PacResolver pac,
        UpdateService service,
        UpdateScanner scanner,
        ProxyVerifier verifier,
        StateStore state,
        Notifier notifier,
        Timers timers,
        InstantSource clock,
        ScanSchedule schedule) {

    /** Ports without a known scan schedule. */
    public EnginePorts(NetworkLocationSource network, UpdateProxyStore store, UserProxySource user, PacResolver pac, UpdateService service,
            UpdateScanner scanner, ProxyVerifier verifier, StateStore state, Notifier notifier, Timers timers, InstantSource clock) {
        this(network, store, user, pac, service, scanner, verifier, state, notifier, timers, clock, ScanSchedule.NONE);
    }
}
