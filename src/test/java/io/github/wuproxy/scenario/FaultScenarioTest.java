package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failures leave the machine as it was or as desired, are retried, and reach the user once. */
class FaultScenarioTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private final SimAgent laptop = SimAgent.withShippedProfiles();

    private SimAgent atOfficeWithPac() {
        return laptop.userProxy(UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat"));
    }

    @Test
    void aWriteThatFailsOnceIsRetriedWithoutBotheringTheUser() {
        laptop.store.failNextWrite(StoreException.Reason.FAILED);
        atOfficeWithPac().arriveAt("corp-dock-wired");
        assertEquals(UpdateProxy.direct(), laptop.store.current(), "nothing half-applied");
        laptop.advance(Duration.ofSeconds(5));
        assertEquals(CORP, laptop.effective());
        assertTrue(laptop.notifier.problems.isEmpty(), laptop.notifier.problems.toString());
    }

    @Test
    void aDeniedWriteIsReportedOnceWithWhatToDo() {
        for (int i = 0; i < 10; i++) {
            laptop.store.failNextWrite(StoreException.Reason.DENIED);
        }
        atOfficeWithPac().arriveAt("corp-dock-wired").advance(Duration.ofMinutes(31));
        assertEquals(1, laptop.notifier.problems.size(), laptop.notifier.problems.toString());
        var problem = laptop.notifier.lastProblem().orElseThrow();
        assertEquals(ProblemCode.WRITE_DENIED, problem.code());
        assertEquals("WUP200 Could not set the Windows Update proxy to proxy.corp.example.com:8080 (bypass <local>): "
                + "WinHttpSetDefaultProxyConfiguration failed: Access is denied (ERROR_ACCESS_DENIED, 5) [simulated]. "
                + "Changing the machine-wide proxy needs administrator rights: run the wuproxy service, or run "
                + "`wuproxy agent` from an elevated prompt.", problem.text());
        assertEquals(UpdateProxy.direct(), laptop.store.current());
    }

    @Test
    void aFailureThatOutlastsTheRetriesIsReportedOnceAndClearsWhenItHeals() {
        for (int i = 0; i < 4; i++) {
            laptop.store.failNextWrite(StoreException.Reason.TIMEOUT);
        }
        atOfficeWithPac().arriveAt("corp-dock-wired").advance(Duration.ofMinutes(3));
        assertEquals(1, laptop.notifier.problems.size());
        assertEquals(ProblemCode.WRITE_FAILED, laptop.notifier.lastProblem().orElseThrow().code());
        laptop.advance(Duration.ofMinutes(15)); // the drift check heals it
        assertEquals(CORP, laptop.effective());
        assertEquals(java.util.List.of(), laptop.notifier.activeProblems(), "the write that worked cleared WUP201");
    }

    @Test
    void aBitsWriteThatFailsRollsTheWinHttpChangeBack() {
        atOfficeWithPac();
        laptop.store.passNextWrite(); // WinHTTP write succeeds
        laptop.store.failNextWrite(StoreException.Reason.DENIED); // BITS write is refused
        laptop.arriveAt("corp-dock-wired");
        assertEquals(UpdateProxy.direct(), laptop.store.current());
        assertEquals("NO_PROXY", laptop.store.bitsUsage().get("LOCALSYSTEM"));
        assertEquals(ProblemCode.WRITE_DENIED, laptop.notifier.lastProblem().orElseThrow().code());
    }

    @Test
    void aCrashBetweenWriteAndRestartIsFinishedAfterTheRestart() {
        atOfficeWithPac();
        laptop.store.afterWrite(() -> {
            throw new AgentDied();
        });
        try {
            laptop.arriveAt("corp-dock-wired");
        } catch (AgentDied expected) {
            // the process is gone
        }
        laptop.store.afterWrite(() -> {});
        assertEquals(CORP, laptop.store.current());
        assertEquals(UpdateProxy.direct(), laptop.effective(), "Windows Update still has the old proxy");
        assertTrue(laptop.state.load().restartPending());

        laptop.crashAndRestart();
        assertEquals(CORP, laptop.effective());
        assertFalse(laptop.state.load().restartPending());
        assertEquals(1, laptop.store.writes().size(), "no second write: the value was right already");
    }

    @Test
    void aRestartThatTimesOutIsRetried() {
        laptop.service.failNextRestart();
        atOfficeWithPac().arriveAt("corp-dock-wired");
        assertEquals(UpdateProxy.direct(), laptop.effective());
        laptop.advance(Duration.ofSeconds(5));
        assertEquals(CORP, laptop.effective());
        assertTrue(laptop.notifier.problems.isEmpty());
    }

    @Test
    void aStoppedServiceIsLeftStoppedAndLoadsTheProxyWhenItStarts() {
        laptop.service.setRunning(false);
        atOfficeWithPac().arriveAt("corp-dock-wired");
        assertEquals(0, laptop.service.restarts());
        laptop.service.setRunning(true);
        assertEquals(CORP, laptop.effective());
    }

    @Test
    void aFullDiskMeansNoBackupAndSoNoChange() {
        laptop.state.setDiskFull(true);
        SimAgent fresh = SimAgent.start(Fixtures.shippedProfiles(), AgentSettings.defaults(), UpdateProxy.fixed("old.example:1", ""));
        fresh.state.setDiskFull(true);
        fresh.userProxy(UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat")).arriveAt("corp-dock-wired")
                .advance(Duration.ofMinutes(5));
        assertTrue(fresh.store.writes().size() <= 1, "at most the first start's write, made before the disk filled");
        fresh.state.setDiskFull(false);
        fresh.advance(Duration.ofMinutes(15));
        assertEquals(CORP, fresh.effective());
        assertTrue(fresh.state.backup().isPresent());
    }

    @Test
    void anUnknownUserProxyKeepsTheProxyAndSaysWhy() {
        laptop.user.set(null);
        laptop.arriveAt("phone-tether");
        assertEquals(ProblemCode.PROXY_UNRESOLVED, laptop.notifier.lastProblem().orElseThrow().code());
        assertTrue(laptop.notifier.lastProblem().orElseThrow().text().contains("start the wuproxy tray in your session"));
    }

    private static final class AgentDied extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
