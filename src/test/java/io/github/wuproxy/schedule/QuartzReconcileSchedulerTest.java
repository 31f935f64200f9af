package io.github.wuproxy.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.spi.TriggerFiredBundle;

class QuartzReconcileSchedulerTest {
    private final Scheduler scheduler = mock(Scheduler.class);

    @Test
    @SuppressWarnings("unchecked")
    void schedulesTheDriftCheckEveryIntervalWithOneCatchUpAfterSleep() throws Exception {
        new QuartzReconcileScheduler(scheduler, Duration.ofMinutes(15), () -> {});
        ArgumentCaptor<Set<Trigger>> triggers = ArgumentCaptor.forClass(Set.class);
        verify(scheduler).scheduleJob(any(JobDetail.class), triggers.capture(), eq(true));
        SimpleTrigger drift = (SimpleTrigger) triggers.getValue().iterator().next();
        assertEquals(Duration.ofMinutes(15).toMillis(), drift.getRepeatInterval());
        assertEquals(SimpleTrigger.REPEAT_INDEFINITELY, drift.getRepeatCount());
        assertEquals(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT, drift.getMisfireInstruction());
    }

    @Test
    void aJobOnlyRunsItsTask() throws Exception {
        var drifts = new AtomicInteger();
        var factory = QuartzReconcileScheduler.factory(Map.of(QuartzReconcileScheduler.DRIFT, drifts::incrementAndGet));
        TriggerFiredBundle bundle = mock(TriggerFiredBundle.class);
        JobDetail detail = org.quartz.JobBuilder.newJob(QuartzReconcileScheduler.TaskJob.class).withIdentity(QuartzReconcileScheduler.DRIFT).build();
        org.mockito.Mockito.when(bundle.getJobDetail()).thenReturn(detail);
        factory.newJob(bundle, scheduler).execute(null);
        assertEquals(1, drifts.get());
        assertEquals(new JobKey("drift-check", "wuproxy"), QuartzReconcileScheduler.DRIFT);
    }
}
