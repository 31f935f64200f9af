package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.SimulatedLaptop;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.VirtualTime;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one status the engine keeps: what a front end can rely on, whatever state the agent starts or stays in. */
class SyncEngineStatusTest {
    private static final UpdateProxy.Fixed CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private final VirtualTime time = new VirtualTime(Instant.parse("2026-03-03T08:00:00Z"));
    private final InMemoryUpdateProxyStore store = InMemoryUpdateProxyStore.holding(CORP);
    private final SimulatedUpdateService service = new SimulatedUpdateService(store::current);
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final SimulatedLaptop laptop = new SimulatedLaptop(time, store, service, state, notifier, Fixtures.shippedProfiles(),
            AgentSettings.defaults().engine());

    @Test
    void anAgentStartedPausedShowsAStatusAndFinishesTheRestartACrashLeftPending() throws Exception {
        state.save(new AgentState(Optional.empty(), true, true));
        laptop.network.setQuietly(Fixtures.location("network/home-wifi-edited.json"));
        laptop.boot();
        AgentStatus status = laptop.engine().status().orElseThrow();
        assertTrue(status.paused());
        assertEquals(Optional.of(CORP), status.held(), "what Windows holds, read back");
        assertEquals(Optional.of(UpdateProxy.direct()), status.wanted(), "what the profile would want here");
        assertFalse(state.load().restartPending(), "the restart a crash left pending is done, paused or not");
        assertEquals(1, service.restarts());
        assertEquals(CORP, store.current(), "paused: nothing else changed");
    }

    @Test
    void aForeignWriteShowsAsAProblemUntilWuproxysOwnProxyIsBack() {
        laptop.simulatedUser().set(UserProxySettings.fixed(CORP));
        laptop.network.setQuietly(Fixtures.location("network/corp-dock-wired-edited.json"));
        store.watch(() -> laptop.soon(() -> laptop.engine().storeWritten()));
        laptop.boot();
        store.foreignWrite(UpdateProxy.fixed("vpnproxy.example:3128", ""));
        time.advance(Duration.ZERO);
        assertEquals(1, notifier.problems.stream().filter(p -> p.code() == ProblemCode.FOREIGN_WRITE).count(), "announced once");
        assertEquals(CORP, store.current(), "reasserted (foreign-write = reassert)");
        assertFalse(notifier.activeProblems().contains(ProblemCode.FOREIGN_WRITE), "cleared with wuproxy's own proxy back");
        assertEquals(Optional.of(CORP), notifier.lastStatus().held());
    }

    @Test
    void aRefusedChangeByHandLeavesPauseStateAndProxyAsTheyWere() {
        laptop.simulatedUser().set(UserProxySettings.fixed(CORP));
        laptop.network.setQuietly(Fixtures.location("network/corp-dock-wired-edited.json"));
        laptop.boot();
        state.setDiskFull(true);
        var failure = org.junit.jupiter.api.Assertions.assertThrows(OneShot.Failure.class,
                () -> laptop.engine().applyByHand(UpdateProxy.direct()));
        assertEquals(ProblemCode.STATE_FAILED, failure.problem().code());
        assertFalse(laptop.engine().state().paused(), "not paused in memory");
        assertFalse(state.load().paused(), "nor on disk");
        assertEquals(CORP, store.current());
    }
}
