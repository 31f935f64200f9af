package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed Windows Update scan is healed once: re-sync at once, a new scan, its outcome reported; never a loop. */
class HealScenarioTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");

    private SimAgent officeLaptop() {
        SimAgent laptop = SimAgent.dockedAtTheOffice();
        assertEquals(CORP, laptop.effective());
        return laptop;
    }

    private static ScanResult failed(SimAgent laptop, int code) {
        return ScanResult.failed(laptop.time.instant(), code);
    }

    private static List<Heal.Action> actions(SimAgent laptop) {
        return laptop.notifier.heals.stream().map(Heal::action).toList();
    }

    @Test
    void aScanThatRacedTheNetworkChangeResyncsAtOnceAndScansAgain() {
        SimAgent laptop = officeLaptop();
        laptop.moveTo("home-wifi"); // the change has not settled yet
        laptop.engine().scanFinished(failed(laptop, 0x80072EFD));

        assertEquals(UpdateProxy.direct(), laptop.effective(), "no waiting for the settle delay");
        assertEquals(1, laptop.scanner.scans());
        laptop.engine().scanFinished(ScanResult.succeeded(laptop.time.instant()));
        assertEquals(List.of(Heal.Action.RESCANNED, Heal.Action.HEALED), actions(laptop));
    }

    @Test
    void healsAtMostOncePerIntervalAndSaysWhenScansStillFail() {
        SimAgent laptop = officeLaptop();
        laptop.engine().scanFinished(failed(laptop, 0x8024402C));
        laptop.engine().scanFinished(failed(laptop, 0x8024402C)); // the new scan fails too
        laptop.advance(Duration.ofMinutes(5));
        laptop.engine().scanFinished(failed(laptop, 0x8024402C));

        assertEquals(1, laptop.scanner.scans(), "one new scan, not a loop");
        assertEquals(List.of(Heal.Action.RESCANNED, Heal.Action.STILL_FAILING, Heal.Action.RATE_LIMITED), actions(laptop));
        assertEquals(1, laptop.notifier.problems.stream().filter(p -> p.code() == ProblemCode.SCAN_FAILED).count());
        assertTrue(laptop.notifier.lastProblem().orElseThrow().text().contains("wuproxy explain 0x8024402C"));

        laptop.advance(SyncEngine.HEAL_INTERVAL);
        laptop.engine().scanFinished(failed(laptop, 0x8024402C));
        assertEquals(2, laptop.scanner.scans(), "heals again after the interval");
        assertTrue(laptop.notifier.activeProblems().contains(ProblemCode.SCAN_FAILED), "shown while scans fail");
        laptop.engine().scanFinished(ScanResult.succeeded(laptop.time.instant()));
        assertFalse(laptop.notifier.activeProblems().contains(ProblemCode.SCAN_FAILED), "a scan that works clears the problem");
    }

    @Test
    void leavesErrorsAProxyCannotCureAlone() {
        SimAgent laptop = officeLaptop();
        laptop.engine().scanFinished(failed(laptop, 0x80240022)); // WU_E_ALL_UPDATES_FAILED
        laptop.engine().scanFinished(failed(laptop, 0x8024401B)); // 407: SYSTEM cannot authenticate; re-sync will not help

        assertEquals(0, laptop.scanner.scans());
        assertEquals(List.of(Heal.Action.NOT_A_NETWORK_ERROR, Heal.Action.NOT_A_NETWORK_ERROR), actions(laptop));
    }

    @Test
    void doesNothingWhilePaused() {
        SimAgent laptop = officeLaptop();
        laptop.engine().setPaused(true);
        laptop.moveTo("home-wifi");
        laptop.engine().scanFinished(failed(laptop, 0x80072EFD));

        assertEquals(CORP, laptop.effective(), "a pause is the user's choice");
        assertEquals(List.of(Heal.Action.PAUSED), actions(laptop));
    }

    @Test
    void reportsARefusedNewScanButKeepsTheResync() {
        SimAgent laptop = officeLaptop();
        laptop.scanner.refuse(true);
        laptop.moveTo("home-wifi");
        laptop.engine().scanFinished(failed(laptop, 0x80072EFD));

        assertEquals(UpdateProxy.direct(), laptop.effective());
        assertEquals(List.of(Heal.Action.SCAN_REFUSED), actions(laptop));
    }
}
