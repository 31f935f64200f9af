package io.github.wuproxy.sim;

import io.github.wuproxy.port.ScanSchedule;
import java.time.Instant;
import java.util.Optional;

/** The next scheduled scan as a timeline or a test sets it. */
public final class ScriptedScanSchedule implements ScanSchedule {
    private Optional<Instant> next = Optional.empty();

    public void set(Optional<Instant> value) {
        next = value;
    }

    @Override
    public Optional<Instant> next() {
        return next;
    }
}
