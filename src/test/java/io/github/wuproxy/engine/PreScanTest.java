package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.sim.ScriptedScanSchedule;
import io.github.wuproxy.sim.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreScanTest {
    private static final Duration LEAD = Duration.ofMinutes(2);
    private final VirtualTime time = new VirtualTime(Instant.parse("2026-11-30T08:00:00Z"));
    private final ScriptedScanSchedule schedule = new ScriptedScanSchedule();
    private final List<Instant> rounds = new ArrayList<>();
    private final PreScan preScan = new PreScan(schedule, time.scope(), time, LEAD, rounds::add);

    private Instant in(Duration d) {
        return time.instant().plus(d);
    }

    @Test
    void runsOnceTheLeadBeforeTheScan() {
        Instant scan = in(Duration.ofHours(1));
        schedule.set(Optional.of(scan));
        assertTrue(preScan.refresh());
        time.advance(Duration.ofMinutes(58).minusMillis(1));
        assertEquals(List.of(), rounds);
        time.advance(Duration.ofMillis(1));
        assertEquals(List.of(scan), rounds);
        assertEquals(scan.minus(LEAD), time.instant());

        assertFalse(preScan.refresh(), "the same time read again");
        time.advance(Duration.ofHours(2));
        assertEquals(List.of(scan), rounds, "once per scan time");
    }

    @Test
    void aMovedScanTimeMovesTheJob() {
        schedule.set(Optional.of(in(Duration.ofHours(1))));
        preScan.refresh();
        Instant later = in(Duration.ofHours(3));
        schedule.set(Optional.of(later));
        assertTrue(preScan.refresh());
        time.advance(Duration.ofHours(2));
        assertEquals(List.of(), rounds, "the old time's job is gone");
        time.advance(Duration.ofHours(1));
        assertEquals(List.of(later), rounds);
        assertEquals(Optional.of(later), preScan.next());
    }

    @Test
    void aScanCloserThanTheLeadIsCheckedAtOnceAndAPastOneNotAtAll() {
        Instant soon = in(Duration.ofSeconds(30));
        schedule.set(Optional.of(soon));
        preScan.refresh();
        time.advance(Duration.ZERO);
        assertEquals(List.of(soon), rounds);

        schedule.set(Optional.of(in(Duration.ofSeconds(-30))));
        assertTrue(preScan.refresh());
        time.advance(Duration.ofHours(1));
        assertEquals(List.of(soon), rounds, "overdue: nothing left to get ahead of");
    }

    @Test
    void anUnknownTimeArmsNothing() {
        assertFalse(preScan.refresh(), "unknown from the start");
        schedule.set(Optional.of(in(Duration.ofHours(1))));
        preScan.refresh();
        schedule.set(Optional.empty());
        assertTrue(preScan.refresh());
        time.advance(Duration.ofHours(2));
        assertEquals(List.of(), rounds);
        assertEquals(Optional.empty(), preScan.next());
    }

    @Test
    void aNewLeadMovesTheJob() {
        Instant scan = in(Duration.ofHours(1));
        schedule.set(Optional.of(scan));
        preScan.refresh();
        preScan.lead(Duration.ofMinutes(30));
        time.advance(Duration.ofMinutes(30));
        assertEquals(List.of(scan), rounds);
    }

    @Test
    void saysWhetherTheScanFallsInsideAWindow() {
        schedule.set(Optional.of(in(Duration.ofSeconds(2))));
        preScan.refresh();
        assertTrue(preScan.dueWithin(Duration.ofSeconds(2)));
        assertFalse(preScan.dueWithin(Duration.ofSeconds(1)));
        time.advance(Duration.ofSeconds(2));
        assertFalse(preScan.dueWithin(Duration.ofHours(1)), "a scan now or past is not due");
    }

    @Test
    void cancelledRunsNothing() {
        schedule.set(Optional.of(in(Duration.ofMinutes(10))));
        preScan.refresh();
        preScan.cancel();
        time.advance(Duration.ofHours(1));
        assertEquals(List.of(), rounds);
    }
}
