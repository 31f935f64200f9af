package io.github.wuproxy.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    /** What Timers.every does with after() alone: the reference the scope's own repeating task is held to. */
    private static Timers onlyAfter(Timers scope) {
        return scope::after;
    }

    /** A day of a repeating task beside one-off tasks due at the same moments, some set before a run and some by it. */
    private static List<String> day(Timers timers, VirtualTime time) {
        List<String> ran = new ArrayList<>();
        timers.after(Duration.ofMinutes(15), () -> ran.add("once, set first, at 15"));
        Timers.Cancellable every = timers.every(Duration.ofMinutes(15), () -> {
            long minute = Duration.between(START, time.instant()).toMinutes();
            ran.add("every at " + minute);
            if (minute == 30) {
                timers.after(Duration.ofMinutes(15), () -> ran.add("once, set by the run at 30, at 45"));
            }
        });
        timers.after(Duration.ofMinutes(15), () -> ran.add("once, set after, at 15"));
        time.runUntil(START.plus(Duration.ofMinutes(29)));
        timers.after(Duration.ofMinutes(16), () -> ran.add("once, set at 29, at 45"));
        time.runUntil(START.plus(Duration.ofMinutes(60)));
        every.cancel();
        time.runUntil(START.plus(Duration.ofHours(3)));
        return ran;
    }

    @Test
    void aRepeatingTaskRunsInTheOrderRepeatedOneOffTasksWould() {
        VirtualTime reference = new VirtualTime(START);
        List<String> expected = day(onlyAfter(reference.scope()), reference);
        VirtualTime time = new VirtualTime(START);
        assertEquals(expected, day(time.scope(), time));
        // At 45: set at 29 before the run at 30 set the next run, then the task the run at 30 set after that.
        assertEquals(List.of("once, set first, at 15", "every at 15", "once, set after, at 15", "every at 30", "once, set at 29, at 45",
                "every at 45", "once, set by the run at 30, at 45", "every at 60"), expected);
    }

    @Test
    void aClosedScopeRunsItsRepeatingTaskNoMore() {
        VirtualTime time = new VirtualTime(START);
        VirtualTime.Scope scope = time.scope();
        List<Instant> ran = new ArrayList<>();
        scope.every(Duration.ofSeconds(10), () -> ran.add(time.instant()));
        time.runUntil(START.plusSeconds(25));
        scope.close();
        time.runUntil(START.plusSeconds(100));
        assertEquals(List.of(START.plusSeconds(10), START.plusSeconds(20)), ran);
        assertEquals(java.util.Optional.empty(), time.nextDue());
    }
}
