package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shortly before Windows Update's scheduled scan the network and proxy are checked, so the scan needs no heal. */
class PreScanScenarioTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");

    private SimAgent officeLaptop() {
        SimAgent laptop = SimAgent.dockedAtTheOffice();
        assertEquals(CORP, laptop.effective());
        return laptop;
    }

    private static Instant scheduleIn(SimAgent laptop, Duration in) {
        Instant scan = laptop.time.instant().plus(in);
        laptop.schedule.set(Optional.of(scan));
        laptop.engine().nextScanChanged();
        return scan;
    }

    @Test
    void aChangeNobodyAnnouncedIsPutRightBeforeTheScan() {
        SimAgent laptop = officeLaptop();
        Instant scan = scheduleIn(laptop, Duration.ofMinutes(10)); // before the first drift check (15 minutes)
        assertEquals(Optional.of(scan), laptop.notifier.lastStatus().nextScan(), "status shows the next scan");

        // Undocked with the lid shut: Windows sent no change the agent saw.
        laptop.network.setQuietly(Fixtures.location("network/home-wifi-edited.json"));
        laptop.advance(Duration.ofMinutes(8).minusMillis(1));
        assertEquals(CORP, laptop.effective(), "nothing noticed the move yet");
        laptop.advance(Duration.ofMillis(1));
        assertEquals(UpdateProxy.direct(), laptop.effective(), "put right two minutes before the scan");
        assertEquals(List.of(Map.entry(scan, false)), laptop.notifier.preScans);

        laptop.advance(Duration.ofMinutes(2));
        laptop.engine().scanFinished(ScanResult.succeeded(laptop.time.instant()));
        assertEquals(0, laptop.scanner.scans(), "no heal, no second scan");
        assertEquals(List.of(), laptop.notifier.heals);
    }

    @Test
    void aNetworkChangeTooCloseToTheScanToSettleIsReadAtOnce() {
        SimAgent laptop = officeLaptop();
        scheduleIn(laptop, Duration.ofHours(1));
        laptop.advance(Duration.ofMinutes(59).plusSeconds(59)); // the pre-scan job ran; the office proxy is right
        assertEquals(CORP, laptop.effective());

        Instant scan = laptop.schedule.next().orElseThrow();
        laptop.moveTo("home-wifi"); // one second before the scan; the settle delay is two
        assertEquals(UpdateProxy.direct(), laptop.effective(), "read at once, not after the settle delay");
        assertEquals(List.of(Map.entry(scan, false), Map.entry(scan, true)), laptop.notifier.preScans);
        laptop.settle();
        assertEquals(UpdateProxy.direct(), laptop.effective(), "the settled round agrees");
    }

    @Test
    void farFromTheScanANetworkChangeStillSettles() {
        SimAgent laptop = officeLaptop();
        scheduleIn(laptop, Duration.ofHours(1));
        laptop.moveTo("home-wifi");
        assertEquals(CORP, laptop.effective(), "a burst settles first, as always");
        laptop.settle();
        assertEquals(UpdateProxy.direct(), laptop.effective());
        assertEquals(List.of(), laptop.notifier.preScans);
    }

    @Test
    void theNextScanIsReadAgainAfterEachScanAndAtDriftChecks() {
        SimAgent laptop = officeLaptop();
        Instant first = scheduleIn(laptop, Duration.ofHours(1));
        Instant second = first.plus(Duration.ofHours(22));
        laptop.schedule.set(Optional.of(second)); // Windows re-armed its task; nobody tells wuproxy
        laptop.engine().scanFinished(ScanResult.succeeded(laptop.time.instant()));
        assertEquals(Optional.of(second), laptop.notifier.lastStatus().nextScan());

        Instant third = second.plus(Duration.ofHours(22));
        laptop.schedule.set(Optional.of(third));
        laptop.advance(Duration.ofMinutes(15).plusSeconds(1)); // one drift check
        assertEquals(Optional.of(third), laptop.notifier.lastStatus().nextScan());
        laptop.schedule.set(Optional.empty());
        laptop.advance(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), laptop.notifier.lastStatus().nextScan(), "unknown again: the task went away");
        assertTrue(laptop.notifier.preScans.isEmpty());
    }

    @Test
    void pausedNothingIsCheckedAhead() {
        SimAgent laptop = officeLaptop();
        laptop.engine().setPaused(true);
        scheduleIn(laptop, Duration.ofMinutes(10));
        laptop.network.setQuietly(Fixtures.location("network/home-wifi-edited.json"));
        laptop.advance(Duration.ofMinutes(10));
        assertEquals(CORP, laptop.effective());
        assertEquals(List.of(), laptop.notifier.preScans);
    }
}
