package io.github.wuproxy.ipc;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * At most {@code perWindow} log lines of one kind per window, so a flood of bad requests cannot push
 * the real history out of the log. The first line after a quiet spell says how many were left out.
 */
final class LogBudget {
    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int used;
    private int leftOut;

    LogBudget(int perWindow, Duration window, LongSupplier nanoClock) {
        this.perWindow = perWindow;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    static LogBudget perMinute(int lines) {
        return new LogBudget(lines, Duration.ofMinutes(1), System::nanoTime);
    }

    /** Empty: do not log this one. Present: log it, and say that this many were left out before it. */
    synchronized OptionalInt take() {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            used = 0;
        }
        if (used >= perWindow) {
            leftOut++;
            return OptionalInt.empty();
        }
        used++;
        int before = leftOut;
        leftOut = 0;
        return OptionalInt.of(before);
    }

    /** The suffix for a logged line: how many like it were left out before it. */
    static String leftOut(int count) {
        return count == 0 ? "" : " (" + count + " more like it were not logged)";
    }
}
