package io.github.wuproxy.app;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.schedule.QuartzReconcileScheduler;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running engine: its one thread, its signals and its schedules. */
final class Agent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    private final ScheduledExecutorService engineThread;
    private final SyncEngine engine;
    private final Adapters adapters;
    private final QuartzReconcileScheduler schedules;

    private Agent(ScheduledExecutorService engineThread, SyncEngine engine, Adapters adapters, QuartzReconcileScheduler schedules) {
        this.engineThread = engineThread;
        this.engine = engine;
        this.adapters = adapters;
        this.schedules = schedules;
    }

    static Agent start(Adapters adapters, StateStore state, Notifier notifier, ProfileSet profiles, AgentSettings settings)
            throws SchedulerException, SourceException, InterruptedException {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "wuproxy-engine");
            t.setDaemon(true);
            return t;
        });
        SyncEngine engine = new SyncEngine(new EnginePorts(adapters.network(), adapters.store(), adapters.user(), adapters.pac(),
                adapters.service(), adapters.scanner(), adapters.verifier(), state, notifier, new ExecutorTimers(thread), Clock.systemUTC()), profiles, settings);
        var schedules = new QuartzReconcileScheduler(QuartzReconcileScheduler.create("wuproxy-" + ProcessHandle.current().pid()),
                settings.driftCheckInterval(), () -> post(thread, engine, SyncEngine::driftCheck));
        Agent agent = new Agent(thread, engine, adapters, schedules);
        try {
            thread.submit(() -> guarded(engine, SyncEngine::start)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the engine failed to start", e.getCause());
        }
        adapters.network().start(() -> agent.post(SyncEngine::networkChanged));
        adapters.store().watch(() -> agent.post(SyncEngine::storeWritten));
        try {
            adapters.scans().watch(scan -> agent.post(e -> e.scanFinished(scan)));
        } catch (SourceException e) {
            log.warn("failed scans will not be healed: the Windows Update event log cannot be watched ({})", e.getMessage());
        }
        schedules.start();
        return agent;
    }

    /** Runs {@code action} on the engine's thread and waits for its result. */
    <T> T call(java.util.function.Function<SyncEngine, T> action) throws Exception {
        return engineThread.submit(() -> action.apply(engine)).get(30, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the engine's thread. */
    void post(Consumer<SyncEngine> action) {
        post(engineThread, engine, action);
    }

    private static void post(ScheduledExecutorService thread, SyncEngine engine, Consumer<SyncEngine> action) {
        if (!thread.isShutdown()) {
            thread.execute(() -> guarded(engine, action));
        }
    }

    /** A bug in one round is logged in full and the agent goes on; the next signal tries again. */
    private static void guarded(SyncEngine engine, Consumer<SyncEngine> action) {
        try {
            action.accept(engine);
        } catch (RuntimeException e) {
            log.error("unexpected failure in the engine; it keeps running", e);
        }
    }

    @Override
    public void close() {
        adapters.network().stop();
        try {
            schedules.close();
        } catch (SchedulerException e) {
            log.warn("stopping the schedules failed: {}", e.getMessage());
        }
        engineThread.shutdown();
        try {
            engineThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
