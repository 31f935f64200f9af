package io.github.wuproxy.sim;

import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.EngineSettings;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.Timers;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.port.UserProxySource;
import java.util.function.UnaryOperator;

/**
 * The real engine over simulated ports in virtual time: the one laptop that {@code simulate}, the
 * scenario tests and the fault matrix run. The machine's store, service and state are given, so a
 * test can give faulty ones; a crash drops every pending timer and starts a new engine from the
 * same files, as the service manager would.
 */
public final class SimulatedLaptop {
    public final VirtualTime time;
    public final ScriptedNetworkLocationSource network;
    public final UserProxySource user;
    public final SimulatedUpdateScanner scanner;
    public final SimulatedProxyVerifier verifier;
    /** When Windows Update's next scheduled scan runs, as a timeline says. */
    public final ScriptedScanSchedule schedule = new ScriptedScanSchedule();
    public final UpdateProxyStore store;
    public final UpdateService service;
    public final StateStore state;
    private final PacResolver pac;
    private final Notifier notifier;
    private final ProfileSet profiles;
    private final EngineSettings settings;
    private final UnaryOperator<Timers> aroundTimers;
    private VirtualTime.Scope scope;
    private Timers timers;
    private SyncEngine engine;

    /** A laptop with fresh simulated parts around the given machine. */
    public SimulatedLaptop(VirtualTime time, UpdateProxyStore store, UpdateService service, StateStore state, Notifier notifier,
            ProfileSet profiles, EngineSettings settings) {
        this(time, new ScriptedNetworkLocationSource(), new SimulatedUserProxySource(UserProxySettings.DIRECT), new SimulatedUpdateScanner(),
                new SimulatedProxyVerifier(), new ProbedPacResolver(), store, service, state, notifier, profiles, settings, UnaryOperator.identity());
    }

    /** @param aroundTimers what the engine's timers pass through (the simulator watches them to skip idle drift checks) */
    public SimulatedLaptop(VirtualTime time, ScriptedNetworkLocationSource network, UserProxySource user, SimulatedUpdateScanner scanner,
            SimulatedProxyVerifier verifier, PacResolver pac, UpdateProxyStore store, UpdateService service, StateStore state, Notifier notifier,
            ProfileSet profiles, EngineSettings settings, UnaryOperator<Timers> aroundTimers) {
        this.time = time;
        this.network = network;
        this.user = user;
        this.scanner = scanner;
        this.verifier = verifier;
        this.pac = pac;
        this.store = store;
        this.service = service;
        this.state = state;
        this.notifier = notifier;
        this.profiles = profiles;
        this.settings = settings;
        this.aroundTimers = aroundTimers;
    }

    /** Starts the engine: loads the state, finishes a pending restart, syncs once, starts the drift check. */
    public SyncEngine boot() {
        scope = time.scope();
        timers = aroundTimers.apply(scope);
        engine = new SyncEngine(new EnginePorts(network, store, user, pac, service, scanner, verifier, state, notifier, timers, time, schedule),
                profiles, settings);
        engine.start();
        return engine;
    }

    /** The process dies (its timers with it) and the service manager starts it again from its files. */
    public SyncEngine crashAndRestart() {
        scope.close();
        return boot();
    }

    /** The user's settings, for a laptop made with fresh simulated parts. */
    public SimulatedUserProxySource simulatedUser() {
        return (SimulatedUserProxySource) user;
    }

    public SyncEngine engine() {
        return engine;
    }

    /** The timers of the running engine, for work that runs on its thread (virtual here: the caller's). */
    public Timers timers() {
        return timers;
    }

    /** Runs {@code task} on the engine's thread as soon as time moves. */
    public void soon(Runnable task) {
        timers.after(java.time.Duration.ZERO, task);
    }
}
