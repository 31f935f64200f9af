package io.github.wuproxy.schedule;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.core.QuartzScheduler;
import org.quartz.core.QuartzSchedulerResources;
import org.quartz.impl.DefaultThreadExecutor;
import org.quartz.impl.StdJobRunShellFactory;
import org.quartz.impl.StdScheduler;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleClassLoadHelper;
import org.slf4j.LoggerFactory;

/**
 * The engine's timers on Quartz: the settle delay, retries and the drift check are Quartz jobs
 * that only hand their task to the engine's thread. A repeating job that missed its time (the
 * laptop slept) runs once on waking, not once per missed interval.
 */
public final class QuartzTimers implements Timers, AutoCloseable {
    private final Scheduler scheduler;
    private final Executor engineThread;
    private final Map<JobKey, Runnable> tasks = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public QuartzTimers(Scheduler scheduler, Executor engineThread) throws SchedulerException {
        this.scheduler = scheduler;
        this.engineThread = engineThread;
        scheduler.setJobFactory((bundle, s) -> new TaskJob(tasks.get(bundle.getJobDetail().getKey())));
        scheduler.start();
    }

    /**
     * RAMJobStore, one daemon worker that sleeps until a job comes, and a scheduler thread that sleeps
     * until the next trigger; put together as Quartz's factories would, without their properties
     * parsing and bean introspection (which the idle agent would keep loaded), nor JMX or RMI.
     */
    public static Scheduler create(String name) throws SchedulerException {
        var pool = new OnDemandThreadPool();
        pool.setInstanceName(name);
        pool.initialize();
        var store = new RAMJobStore();
        store.setMisfireThreshold(60_000);
        var threads = new DefaultThreadExecutor();
        threads.initialize();
        var shells = new StdJobRunShellFactory();
        var resources = new QuartzSchedulerResources();
        resources.setName(name);
        resources.setInstanceId("NON_CLUSTERED");
        resources.setThreadName(name + "_QuartzSchedulerThread");
        resources.setMakeSchedulerThreadDaemon(true);
        resources.setThreadPool(pool);
        resources.setThreadExecutor(threads);
        resources.setJobStore(store);
        resources.setJobRunShellFactory(shells);
        var quartz = new QuartzScheduler(resources, IDLE_WAIT_MILLIS, -1);
        var classes = new SimpleClassLoadHelper();
        classes.initialize();
        store.initialize(classes, quartz.getSchedulerSignaler());
        Scheduler scheduler = new StdScheduler(quartz);
        shells.initialize(scheduler);
        quartz.initialize();
        return scheduler;
    }

    /** The scheduler thread's longest nap; a new trigger wakes it sooner. */
    private static final long IDLE_WAIT_MILLIS = 900_000;

    @Override
    public Cancellable after(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            engineThread.execute(() -> {
                if (!cancelled.get()) {
                    task.run();
                }
            });
            return () -> cancelled.set(true);
        }
        JobKey key = new JobKey("once-" + ids.incrementAndGet(), "wuproxy");
        tasks.put(key, () -> {
            tasks.remove(key);
            engineThread.execute(task);
        });
        return schedule(key, newTrigger().withIdentity(key.getName(), "wuproxy").startAt(Date.from(Instant.now().plus(delay)))
                .withSchedule(simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
    }

    @Override
    public Cancellable every(Duration interval, Runnable task) {
        JobKey key = new JobKey("every-" + ids.incrementAndGet(), "wuproxy");
        tasks.put(key, () -> engineThread.execute(task));
        return schedule(key, everyTrigger(key.getName(), interval));
    }

    /** A repeating trigger that, after a sleep, fires once rather than never or in a burst. */
    static Trigger everyTrigger(String name, Duration interval) {
        return newTrigger().withIdentity(name, "wuproxy").startAt(Date.from(Instant.now().plus(interval)))
                .withSchedule(simpleSchedule().withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
    }

    private Cancellable schedule(JobKey key, Trigger trigger) {
        JobDetail job = newJob(TaskJob.class).withIdentity(key).build();
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            tasks.remove(key);
            throw new IllegalStateException("could not schedule " + key.getName() + ": " + e.getMessage(), e);
        }
        return () -> {
            tasks.remove(key);
            try {
                scheduler.deleteJob(key);
            } catch (SchedulerException e) {
                LoggerFactory.getLogger(QuartzTimers.class).debug("cancelling {}: {}", key, e.toString());
            }
        };
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(false);
    }

    /** Runs one task; Quartz makes one per firing. A task cancelled meanwhile is gone and does nothing. */
    static final class TaskJob implements Job {
        private final Runnable task;

        TaskJob(Runnable task) {
            this.task = task;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            if (task != null) {
                task.run();
            }
        }
    }
}
