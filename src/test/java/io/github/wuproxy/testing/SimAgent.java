package io.github.wuproxy.testing;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedLaptop;
import io.github.wuproxy.sim.SimulatedProxyVerifier;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.sim.VirtualTime;
import java.time.Duration;
import java.time.Instant;

/** The simulated laptop with the typed handles scenario tests poke at. */
public final class SimAgent {
    public final VirtualTime time = new VirtualTime(Instant.parse("2026-03-03T08:00:00Z"));
    public final InMemoryUpdateProxyStore store;
    public final SimulatedUpdateService service;
    public final InMemoryStateStore state = new InMemoryStateStore();
    public final RecordingNotifier notifier = new RecordingNotifier();
    public final ScriptedNetworkLocationSource network;
    public final SimulatedUserProxySource user;
    public final SimulatedUpdateScanner scanner;
    public final SimulatedProxyVerifier verifier;
    public final io.github.wuproxy.sim.ScriptedScanSchedule schedule;
    private final AgentSettings settings;
    private final SimulatedLaptop laptop;

    private SimAgent(ProfileSet profiles, AgentSettings settings, UpdateProxy initial) {
        this.settings = settings;
        this.store = InMemoryUpdateProxyStore.holding(initial);
        this.service = new SimulatedUpdateService(store::current);
        this.laptop = new SimulatedLaptop(time, store, service, state, notifier, profiles, settings.engine());
        this.network = laptop.network;
        this.user = laptop.simulatedUser();
        this.scanner = laptop.scanner;
        this.verifier = laptop.verifier;
        this.schedule = laptop.schedule;
        network.start(() -> laptop.engine().networkChanged());
        store.watch(() -> laptop.soon(() -> laptop.engine().storeWritten()));
    }

    public static SimAgent withShippedProfiles() {
        return start(Fixtures.shippedProfiles(), AgentSettings.defaults(), UpdateProxy.direct());
    }

    /** Docked at the office, the user's browser on the office PAC: the shipped corporate profile's fixed proxy in force. */
    public static SimAgent dockedAtTheOffice() {
        SimAgent laptop = withShippedProfiles();
        laptop.userProxy(io.github.wuproxy.core.proxy.UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat"));
        laptop.arriveAt("corp-dock-wired");
        return laptop;
    }

    public static SimAgent start(ProfileSet profiles, AgentSettings settings, UpdateProxy initial) {
        SimAgent agent = new SimAgent(profiles, settings, initial);
        agent.laptop.boot();
        return agent;
    }

    public SyncEngine engine() {
        return laptop.engine();
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
        laptop.engine().userProxyChanged();
        time.advance(Duration.ZERO);
        return this;
    }

    /** The process dies and the service manager starts it again from the state folder. */
    public SimAgent crashAndRestart() {
        laptop.crashAndRestart();
        time.advance(Duration.ZERO);
        return this;
    }

    /** What Windows Update uses right now. */
    public UpdateProxy effective() {
        return service.effective();
    }
}
