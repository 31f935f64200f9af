package io.github.wuproxy.port;

import java.time.Duration;

/** Runs a task later on the engine's own thread; virtual in simulations and tests. */
public interface Timers {
    Cancellable after(Duration delay, Runnable task);

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
