package io.github.wuproxy.port;

import java.time.Instant;
import java.util.Optional;

/**
 * When Windows Update's next scheduled scan runs: the next run time of the task
 * {@code \Microsoft\Windows\UpdateOrchestrator\Schedule Scan} on Windows, a timeline's
 * {@code nextScan} in simulations. Scans also start for other reasons (logon, the Settings page);
 * this is only the periodic one.
 */
public interface ScanSchedule {
    /** The next run time; empty when unknown (no such task, no right to read it, none scheduled). Never throws. */
    Optional<Instant> next();

    /** Nothing known: machines without Windows Update. */
    ScanSchedule NONE = Optional::empty;
}
