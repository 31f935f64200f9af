package io.github.wuproxy.schedule;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * The agent's periodic drift check, the re-check point that is not a network change (the next
 * scheduled scan time is not read, see the README). The job only hands the work to the engine's thread.
 */
public final class QuartzReconcileScheduler implements AutoCloseable {
    static final JobKey DRIFT = new JobKey("drift-check", "wuproxy");
    private final Scheduler scheduler;

    /**
     * @param driftCheck must only post work to the engine's thread
     */
    public QuartzReconcileScheduler(Scheduler scheduler, Duration driftInterval, Runnable driftCheck) throws SchedulerException {
        this.scheduler = scheduler;
        scheduler.setJobFactory(factory(Map.of(DRIFT, driftCheck)));
        JobDetail drift = newJob(TaskJob.class).withIdentity(DRIFT).storeDurably().build();
        // After a sleep, one catch-up run rather than none (the default) or a burst.
        Trigger every = newTrigger().withIdentity("drift-every", "wuproxy").forJob(drift)
                .startAt(Date.from(Instant.now().plus(driftInterval)))
                .withSchedule(simpleSchedule().withIntervalInMilliseconds(driftInterval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
        scheduler.scheduleJob(drift, java.util.Set.of(every), true);
    }

    /**
     * RAMJobStore, one daemon worker that sleeps until a job comes, and a scheduler thread that sleeps
     * until the next trigger (idleWaitTime bounds its naps only when nothing is scheduled); built from
     * properties, never from a classpath file.
     */
    public static Scheduler create(String name) throws SchedulerException {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "NON_CLUSTERED");
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, OnDemandThreadPool.class.getName());
        p.setProperty("org.quartz.scheduler.idleWaitTime", "900000");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return new StdSchedulerFactory(p).getScheduler();
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(false);
    }

    static JobFactory factory(Map<JobKey, Runnable> tasks) {
        return (bundle, scheduler) -> new TaskJob(tasks.get(bundle.getJobDetail().getKey()));
    }

    /** Runs one task; Quartz makes one per firing. */
    static final class TaskJob implements Job {
        private final Runnable task;

        TaskJob(Runnable task) {
            this.task = task;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            task.run();
        }
    }
}
