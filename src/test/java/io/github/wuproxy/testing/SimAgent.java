package io.github.wuproxy.testing;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedProxyVerifier;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.sim.VirtualTime;
import java.time.Duration;
import java.time.Instant;

/** The real engine over simulated ports in virtual time: a laptop for scenario tests. */
public final class SimAgent {
    public final VirtualTime time = new VirtualTime(Instant.parse("2026-03-03T08:00:00Z"));
    public final ScriptedNetworkLocationSource network = new ScriptedNetworkLocationSource();
    public final InMemoryUpdateProxyStore store;
    public final SimulatedUserProxySource user = new SimulatedUserProxySource(UserProxySettings.DIRECT);
    public final SimulatedUpdateService service;
    public final InMemoryStateStore state = new InMemoryStateStore();
    public final RecordingNotifier notifier = new RecordingNotifier();
    public final SimulatedUpdateScanner scanner = new SimulatedUpdateScanner();
    public final SimulatedProxyVerifier verifier = new SimulatedProxyVerifier();
    private final ProfileSet profiles;
    private final AgentSettings settings;
    private VirtualTime.Scope timers;
    private SyncEngine engine;

    private SimAgent(ProfileSet profiles, AgentSettings settings, UpdateProxy initial) {
        this.profiles = profiles;
        this.settings = settings;
        this.store = InMemoryUpdateProxyStore.holding(initial);
        this.service = new SimulatedUpdateService(store::current);
        network.start(() -> engine.networkChanged());
        store.watch(() -> timers.after(Duration.ZERO, () -> engine.storeWritten()));
    }

    public static SimAgent withShippedProfiles() {
        return start(Fixtures.shippedProfiles(), AgentSettings.defaults(), UpdateProxy.direct());
    }

    public static SimAgent start(ProfileSet profiles, AgentSettings settings, UpdateProxy initial) {
        SimAgent agent = new SimAgent(profiles, settings, initial);
        agent.boot();
        return agent;
    }

    private void boot() {
        timers = time.scope();
        engine = new SyncEngine(new EnginePorts(network, store, user, new ProbedPacResolver(), service, scanner,
                verifier, state, notifier, timers, time),
                profiles, settings.engine());
        engine.start();
    }

    public SyncEngine engine() {
        return engine;
    }

    /** The laptop arrives at a recorded network; nothing happens until the change settles. */
    public SimAgent moveTo(String fixture) {
        network.moveTo(Fixtures.location("network/" + fixture + "-edited.json"));
        return this;
    }

    public SimAgent goOffline() {
        network.moveTo(NetworkLocation.offline());
        return this;
    }

    /** Moves and lets the change settle. */
    public SimAgent arriveAt(String fixture) {
        moveTo(fixture);
        return settle();
    }

    public SimAgent settle() {
        return advance(settings.settleDelay().plusMillis(1));
    }

    public SimAgent advance(Duration by) {
        time.advance(by);
        return this;
    }

    public SimAgent userProxy(UserProxySettings settings) {
        user.set(settings);
        engine.userProxyChanged();
        time.advance(Duration.ZERO);
        return this;
    }

    /** The process dies and the service manager starts it again from the state folder. */
    public SimAgent crashAndRestart() {
        timers.close();
        boot();
        time.advance(Duration.ZERO);
        return this;
    }

    /** What Windows Update uses right now. */
    public UpdateProxy effective() {
        return service.effective();
    }
}
