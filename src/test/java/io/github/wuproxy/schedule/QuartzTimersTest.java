package io.github.wuproxy.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's timers on a real Quartz scheduler, with real threads and the real clock. */
class QuartzTimersTest {
    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-engine"));
    private QuartzTimers timers;

    private QuartzTimers timers(String name) throws Exception {
        timers = new QuartzTimers(QuartzTimers.create(name), engine);
        return timers;
    }

    @AfterEach
    void stop() throws Exception {
        if (timers != null) {
            timers.close();
        }
        engine.shutdownNow();
    }

    @Test
    void aDelayedTaskRunsOnceOnTheEngineThreadAfterItsDelay() throws Exception {
        var ran = new CountDownLatch(1);
        var thread = new String[1];
        long start = System.nanoTime();
        timers("wuproxy-test-once").after(Duration.ofMillis(300), () -> {
            thread[0] = Thread.currentThread().getName();
            ran.countDown();
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "ran before its delay");
        assertEquals("test-engine", thread[0]);
    }

    @Test
    void aCancelledTaskNeverRunsAndTheOthersDo() throws Exception {
        var cancelledRan = new AtomicInteger();
        var later = new CountDownLatch(1);
        QuartzTimers t = timers("wuproxy-test-cancel");
        t.after(Duration.ofMillis(200), cancelledRan::incrementAndGet).cancel();
        t.after(Duration.ofMillis(600), later::countDown);
        assertTrue(later.await(10, TimeUnit.SECONDS));
        assertEquals(0, cancelledRan.get());
    }

    @Test
    void aRepeatingTaskRepeatsUntilCancelled() throws Exception {
        var runs = new AtomicInteger();
        var three = new CountDownLatch(3);
        var every = timers("wuproxy-test-every").every(Duration.ofMillis(150), () -> {
            runs.incrementAndGet();
            three.countDown();
        });
        assertTrue(three.await(10, TimeUnit.SECONDS));
        every.cancel();
        int after = runs.get();
        Thread.sleep(600);
        assertTrue(runs.get() <= after + 1, "still running after cancel: " + after + " -> " + runs.get());
    }

    @Test
    void twoSchedulersOfOneNameAreApartAndClosingLeavesNoThreadOfTheirs() throws Exception {
        var first = new QuartzTimers(QuartzTimers.create("wuproxy-test-twin"), engine);
        var second = new QuartzTimers(QuartzTimers.create("wuproxy-test-twin"), engine);
        var ran = new CountDownLatch(1);
        first.close();
        second.after(Duration.ofMillis(100), ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the second runs after the first closed");
        second.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threadsNamed("wuproxy-test-twin") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, threadsNamed("wuproxy-test-twin"));
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(th -> th.getName().startsWith("wuproxy-test-twin") && !th.isDaemon()));
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(th -> th.getName().startsWith(prefix) && th.isAlive()).count();
    }
}
