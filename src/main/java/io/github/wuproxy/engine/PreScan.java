package io.github.wuproxy.engine;

import io.github.wuproxy.port.ScanSchedule;
import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pre-scan job: {@code lead} before Windows Update's next scheduled scan it runs {@code round},
 * which re-reads the network and verifies the proxy, so a stale proxy is put right before the scan
 * rather than healed after it. Once per scan time; the time is re-read when the engine says so
 * (after each scan, at drift checks). Single-threaded, like the engine.
 */
final class PreScan {
    private final ScanSchedule schedule;
    private final Timers timers;
    private final InstantSource clock;
    private final Consumer<Instant> round;
    private Duration lead;
    private Optional<Instant> next = Optional.empty();
    private Optional<Instant> done = Optional.empty();
    private Timers.Cancellable job;

    PreScan(ScanSchedule schedule, Timers timers, InstantSource clock, Duration lead, Consumer<Instant> round) {
        this.schedule = schedule;
        this.timers = timers;
        this.clock = clock;
        this.lead = lead;
        this.round = round;
    }

    /** Reads the next scan time again and, when it moved, arms the job for it; true when it moved. */
    boolean refresh() {
        Optional<Instant> read = schedule.next();
        if (read.equals(next)) {
            return false;
        }
        next = read;
        arm();
        return true;
    }

    /** When the next scheduled scan runs, as last read. */
    Optional<Instant> next() {
        return next;
    }

    /** A scan is scheduled after now and no later than {@code window} from now. */
    boolean dueWithin(Duration window) {
        Instant now = clock.instant();
        Instant scan = next.orElse(null);
        return scan != null && scan.isAfter(now) && !scan.isAfter(now.plus(window));
    }

    void lead(Duration value) {
        lead = value;
        arm();
    }

    void cancel() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    /** A scan already past, or one this job has run for, gets no job; one closer than {@code lead} gets it at once. */
    private void arm() {
        cancel();
        Instant now = clock.instant();
        if (next.isEmpty() || next.equals(done) || !next.get().isAfter(now)) {
            return;
        }
        Instant scan = next.get();
        Duration wait = Duration.between(now, scan.minus(lead));
        job = timers.after(wait.isNegative() ? Duration.ZERO : wait, () -> {
            job = null;
            done = Optional.of(scan);
            round.accept(scan);
        });
    }
}
