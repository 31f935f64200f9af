package io.github.wuproxy.app;

import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Timers on the engine's single thread. */
final class ExecutorTimers implements Timers {
    private final ScheduledExecutorService engineThread;

    ExecutorTimers(ScheduledExecutorService engineThread) {
        this.engineThread = engineThread;
    }

    @Override
    public Cancellable after(Duration delay, Runnable task) {
        ScheduledFuture<?> future = engineThread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
