package io.github.wuproxy.sim;

import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.EngineSettings;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;

/**
 * The real engine over simulated ports in virtual time: the one laptop that {@code simulate}, the
 * scenario tests and the fault matrix run. The machine's store, service and state are given, so a
 * test can give faulty ones; a crash drops every pending timer and starts a new engine from the
 * same files, as the service manager would.
 */
public final class SimulatedLaptop {
    public final VirtualTime time;
    public final ScriptedNetworkLocationSource network = new ScriptedNetworkLocationSource();
    public final SimulatedUserProxySource user = new SimulatedUserProxySource(UserProxySettings.DIRECT);
    public final SimulatedUpdateScanner scanner = new SimulatedUpdateScanner();
    public final SimulatedProxyVerifier verifier = new SimulatedProxyVerifier();
    public final ScriptedScanSchedule schedule = new ScriptedScanSchedule();
    public final UpdateProxyStore store;
    public final UpdateService service;
    public final StateStore state;
    private final Notifier notifier;
    private final ProfileSet profiles;
    private final EngineSettings settings;
    private VirtualTime.Scope timers;
    private SyncEngine engine;

    public SimulatedLaptop(VirtualTime time, UpdateProxyStore store, UpdateService service, StateStore state, Notifier notifier,
            ProfileSet profiles, EngineSettings settings) {
        this.time = time;
        this.store = store;
        this.service = service;
        this.state = state;
        this.notifier = notifier;
        this.profiles = profiles;
        this.settings = settings;
    }

    /** Starts the engine: loads the state, finishes a pending restart, syncs once, starts the drift check. */
    public SyncEngine boot() {
        timers = time.scope();
        engine = new SyncEngine(new EnginePorts(network, store, user, new ProbedPacResolver(), service, scanner, verifier, state,
                notifier, timers, time, schedule), profiles, settings);
        engine.start();
        return engine;
    }

    /** The process dies (its timers with it) and the service manager starts it again from its files. */
    public SyncEngine crashAndRestart() {
        timers.close();
        return boot();
    }

    public SyncEngine engine() {
        return engine;
    }

    /** Runs {@code task} on the engine's thread (the caller's, in virtual time) as soon as time moves. */
    public void soon(Runnable task) {
        timers.after(java.time.Duration.ZERO, task);
    }
}
