package io.github.wuproxy.app;

import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.engine.EngineSettings;
import io.github.wuproxy.schedule.QuartzTimers;
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
    private final QuartzTimers timers;

    private Agent(ScheduledExecutorService engineThread, SyncEngine engine, Adapters adapters, QuartzTimers timers) {
        this.engineThread = engineThread;
        this.engine = engine;
        this.adapters = adapters;
        this.timers = timers;
    }

    static Agent start(Adapters adapters, StateStore state, Notifier notifier, ProfileSet profiles, EngineSettings settings)
            throws SchedulerException, SourceException, InterruptedException {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "wuproxy-engine");
            t.setDaemon(true);
            return t;
        });
        var timers = new QuartzTimers(QuartzTimers.create("wuproxy-" + ProcessHandle.current().pid()), thread::execute);
        SyncEngine engine = new SyncEngine(new EnginePorts(adapters.network(), adapters.store(), adapters.user(), adapters.pac(),
                adapters.service(), adapters.scanner(), adapters.verifier(), state, notifier, timers, Clock.systemUTC(),
                Adapters.scanSchedule()), profiles, settings);
        Agent agent = new Agent(thread, engine, adapters, timers);
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
        return agent;
    }

    /** Runs {@code action} on the engine's thread and waits for its result. */
    <T> T call(java.util.function.Function<SyncEngine, T> action) throws Exception {
        return engineThread.submit(() -> action.apply(engine)).get(30, TimeUnit.SECONDS);
    }

    /** The profiles in force; safe from any thread. */
    java.util.List<io.github.wuproxy.core.profile.Profile> profiles() {
        return engine.profiles().all();
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
            timers.close();
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
