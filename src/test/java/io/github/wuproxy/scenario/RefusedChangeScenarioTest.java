package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.engine.OneShot;
import io.github.wuproxy.testing.SimAgent;
import org.junit.jupiter.api.Test;

/** A change the state folder refuses leaves everything as before; a restart a crash interrupted is finished, paused or not. */
class RefusedChangeScenarioTest {
    private static final UpdateProxy BY_HAND = UpdateProxy.fixed("hand.example:3128", "");

    @Test
    void aSetRefusedForAFullDiskLeavesMemoryAndFilesAsBefore() throws Exception {
        SimAgent laptop = SimAgent.withShippedProfiles().arriveAt("home-wifi");
        UpdateProxy before = laptop.store.current();
        laptop.state.setDiskFull(true);
        var refused = assertThrows(OneShot.Failure.class, () -> laptop.engine().applyByHand(BY_HAND));
        assertTrue(refused.problem().text().contains("Could not save wuproxy's state"), refused.problem().text());
        assertFalse(laptop.state.load().paused(), "the file says not paused");
        assertFalse(laptop.engine().status().orElseThrow().paused(), "and so does memory");
        assertEquals(before, laptop.store.current(), "and the proxy is as it was");
        assertThrows(IllegalStateException.class, () -> laptop.engine().setPaused(true));
        assertFalse(laptop.engine().status().orElseThrow().paused());
        laptop.state.setDiskFull(false);
        laptop.engine().applyByHand(BY_HAND);
        assertTrue(laptop.state.load().paused());
        assertEquals(BY_HAND, laptop.store.current());
    }

    @Test
    void aRestartACrashInterruptedIsFinishedAtStartEvenWhilePaused() throws Exception {
        SimAgent laptop = SimAgent.withShippedProfiles().arriveAt("home-wifi");
        laptop.engine().applyByHand(BY_HAND);
        // the crash came between the write and the restart
        laptop.state.save(laptop.state.load().withRestartPending(true));
        int restarts = laptop.service.restarts();
        laptop.crashAndRestart();
        assertTrue(laptop.state.load().paused(), "still paused");
        assertFalse(laptop.state.load().restartPending(), "but nothing pending");
        assertEquals(restarts + 1, laptop.service.restarts());
        assertEquals(BY_HAND, laptop.effective());
    }

    @Test
    void aSetWindowsRefusesLeavesThePauseAsBeforeButOneThatWroteKeepsIt() throws Exception {
        SimAgent laptop = SimAgent.withShippedProfiles().arriveAt("home-wifi");
        UpdateProxy before = laptop.store.current();
        laptop.store.failNextWrite(io.github.wuproxy.port.StoreException.Reason.DENIED);
        assertThrows(OneShot.Failure.class, () -> laptop.engine().applyByHand(BY_HAND));
        assertEquals(before, laptop.store.current());
        assertFalse(laptop.state.load().paused(), "nothing changed, so automatic switching goes on");

        laptop.service.failNextRestart();
        assertThrows(OneShot.Failure.class, () -> laptop.engine().applyByHand(BY_HAND));
        assertEquals(BY_HAND, laptop.store.current(), "written, only the restart failed");
        assertTrue(laptop.state.load().paused(), "so the choice by hand stays until resume");
    }
}
