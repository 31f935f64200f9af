package io.github.wuproxy.sim;

import java.time.Duration;

/** Periodic checks in virtual time: what Quartz does in the running agent. */
public final class VirtualSchedules {
    private VirtualSchedules() {}

    /** Runs {@code task} every {@code interval}, outside any engine's scope so it outlives a crash. */
    public static void every(VirtualTime time, Duration interval, Runnable task) {
        time.scope().after(interval, () -> {
            task.run();
            every(time, interval, task);
        });
    }
}
