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

    /** Idle runs of a repeating task skipped at once, or run one by one: the same runs of everything else, in the same order. */
    private static List<String> quietHours(boolean skipping) {
        VirtualTime time = new VirtualTime(START);
        VirtualTime.Scope scope = time.scope();
        List<String> ran = new ArrayList<>();
        boolean[] quiet = {true};
        Runnable check = () -> {
            if (!quiet[0]) {
                ran.add("check at " + Duration.between(START, time.instant()).toMinutes());
            }
        };
        scope.after(Duration.ofMinutes(60), () -> ran.add("once at 60, set before the check's run at 45"));
        scope.every(Duration.ofMinutes(15), check);
        scope.after(Duration.ofMinutes(15), () -> ran.add("once at 15, set after the check"));
        scope.after(Duration.ofMinutes(97), () -> {
            ran.add("once at 97");
            quiet[0] = false;
        });
        Instant until = START.plus(Duration.ofMinutes(200));
        Instant due;
        while ((due = time.nextDueOrNull()) != null && !due.isAfter(until)) {
            if (!skipping || time.skipIdleRuns(until, task -> task == check && quiet[0]) == 0) {
                time.runUntil(due);
            }
        }
        time.runUntil(until);
        ran.add(time.ran() + " runs, then " + time.instant());
        return ran;
    }

    @Test
    void idleRunsSkippedAtOnceLeaveEverythingElseAsRunningThemWould() {
        assertEquals(quietHours(false), quietHours(true));
        assertEquals(List.of("once at 15, set after the check", "once at 60, set before the check's run at 45", "once at 97", "check at 105",
                "check at 120", "check at 135", "check at 150", "check at 165", "check at 180", "check at 195",
                "16 runs, then 2026-01-05T03:20:00Z"), quietHours(true));
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
