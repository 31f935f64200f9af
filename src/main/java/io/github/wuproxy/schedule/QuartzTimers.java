package io.github.wuproxy.schedule;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;
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
     * until the next trigger; built from properties, never from a classpath file.
     */
    public static Scheduler create(String name) throws SchedulerException {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "NON_CLUSTERED");
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, OnDemandThreadPool.class.getName());
        p.setProperty("org.quartz.scheduler.idleWaitTime", "900000");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return new StdSchedulerFactory(p).getScheduler();
    }

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
