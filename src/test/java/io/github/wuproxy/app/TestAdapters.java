package io.github.wuproxy.app;

import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.ScanSource;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.SimulatedProxyVerifier;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUpdateService;

/** Simulated adapters around a test's own network, store and user settings; every proxy gets through. */
final class TestAdapters {
    private TestAdapters() {}

    static Adapters simulated(NetworkLocationSource network, InMemoryUpdateProxyStore store, UserProxySource user) {
        return new Adapters("test", network, store, user, new ProbedPacResolver(), new SimulatedUpdateService(store::current),
                new SimulatedUpdateScanner(), new SimulatedProxyVerifier(), ScanSource.NONE);
    }
}
