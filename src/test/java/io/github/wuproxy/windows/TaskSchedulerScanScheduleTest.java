package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OLE Automation DATE values from Microsoft's table (Learn: "DATE type") and Task Scheduler's own. */
class TaskSchedulerScanScheduleTest {
    private static Optional<Instant> utc(double date) {
        return TaskSchedulerScanSchedule.instant(date, ZoneOffset.UTC);
    }

    @Test
    void readsMicrosoftsDocumentedExamples() {
        assertEquals(Optional.of(Instant.parse("1900-01-01T00:00:00Z")), utc(2.0));
        assertEquals(Optional.of(Instant.parse("1900-01-04T06:00:00Z")), utc(5.25));
        assertEquals(Optional.of(Instant.parse("1900-01-04T12:00:00Z")), utc(5.5));
        assertEquals(Optional.of(Instant.parse("1900-01-04T21:00:00Z")), utc(5.875));
    }

    @Test
    void readsTheFractionOfANegativeDateWithoutItsSign() {
        assertEquals(Optional.of(Instant.parse("1899-12-29T00:00:00Z")), utc(-1.0));
        assertEquals(Optional.of(Instant.parse("1899-12-29T06:00:00Z")), utc(-1.25));
        assertEquals(Optional.of(Instant.parse("1899-12-29T18:00:00Z")), utc(-1.75));
        assertEquals(utc(0.5), utc(-0.5), "both halves of day zero are its noon");
    }

    @Test
    void roundsTheDoublesNoiseToTheSecond() {
        // 2026-11-30 14:37:05: a value a real DATE cannot hold exactly.
        double date = 46_356 + (14 * 3600 + 37 * 60 + 5) / 86_400.0;
        assertEquals(Optional.of(Instant.parse("2026-11-30T14:37:05Z")), utc(date));
        assertEquals(Optional.of(Instant.parse("2026-11-30T14:37:05Z")), utc(Math.nextUp(date)));
        assertEquals(Optional.of(Instant.parse("2026-11-30T14:37:05Z")), utc(Math.nextDown(date)));
        assertEquals(Optional.of(Instant.parse("2026-12-01T00:00:00Z")), utc(46_356 + 86_399.6 / 86_400), "rounding rolls into the next day");
    }

    @Test
    void readsTheDateAsLocalTimeInTheGivenZone() {
        double noon = 46_356.5; // 2026-11-30 12:00 local
        assertEquals(Optional.of(Instant.parse("2026-11-30T11:00:00Z")), TaskSchedulerScanSchedule.instant(noon, ZoneId.of("Europe/Berlin")));
        assertEquals(Optional.of(Instant.parse("2026-11-30T17:00:00Z")), TaskSchedulerScanSchedule.instant(noon, ZoneId.of("America/New_York")));
        // Summer time: 2026-07-01 12:00 in Berlin is 10:00 UTC.
        assertEquals(Optional.of(Instant.parse("2026-07-01T10:00:00Z")), TaskSchedulerScanSchedule.instant(46_204.5, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void zeroAndImpossibleValuesMeanUnknown() {
        assertEquals(Optional.empty(), utc(0), "Task Scheduler: no next run");
        assertEquals(Optional.empty(), utc(Double.NaN));
        assertEquals(Optional.empty(), utc(Double.POSITIVE_INFINITY));
        assertEquals(Optional.empty(), utc(-700_000), "before the year 100");
        assertEquals(Optional.empty(), utc(3_000_000), "after 9999");
        assertEquals(Optional.of(Instant.parse("9999-12-31T00:00:00Z")), utc(2_958_465));
    }
}
