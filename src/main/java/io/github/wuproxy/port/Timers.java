package io.github.wuproxy.port;

import java.time.Duration;

/** Runs a task later on the engine's own thread: Quartz in the agent, virtual time in simulations and tests. */
public interface Timers {
    Cancellable after(Duration delay, Runnable task);

    /** Runs {@code task} every {@code interval}, the first time one interval from now. */
    default Cancellable every(Duration interval, Runnable task) {
        var repeating = new Object() {
            Cancellable next;
            boolean cancelled;

            void arm() {
                next = after(interval, () -> {
                    if (!cancelled) {
                        arm();
                        task.run();
                    }
                });
            }
        };
        repeating.arm();
        return () -> {
            repeating.cancelled = true;
            repeating.next.cancel();
        };
    }

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
