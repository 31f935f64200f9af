package io.github.wuproxy.sim;

import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Virtual time for simulations and tests: a clock that moves only when told, and timers that run
 * when it passes them, in order, on the caller's thread. Nothing sleeps.
 */
public final class VirtualTime implements InstantSource {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    private long ran;

    public VirtualTime(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Timers whose pending tasks can all be dropped at once (an agent that crashed). */
    public Scope scope() {
        return new Scope();
    }

    /** Runs every task due up to {@code until}, in time order, then sets the clock to it. */
    public void runUntil(Instant until) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(until)) {
            Task task = queue.poll();
            if (task.cancelled || task.scope.closed) {
                continue;
            }
            now = task.at;
            ran++;
            if (task.interval != null) {
                task.at = now.plus(task.interval);
                task.order = sequence++;
                queue.add(task);
            }
            task.run.run();
        }
        if (until.isAfter(now)) {
            now = until;
        }
    }

    /**
     * When the task next due repeats and {@code idle} says running it now would do nothing: counts each
     * of its runs due up to {@code until} and before any other task as run, without running them, and
     * returns how many (0 when the task next due is another). Nothing else runs in between, so each
     * would have done nothing.
     */
    long skipIdleRuns(Instant until, Predicate<Runnable> idle) {
        Task head = queue.peek();
        if (head == null || head.interval == null || head.cancelled || head.scope.closed || head.at.isAfter(until) || !idle.test(head.run)) {
            return 0;
        }
        queue.poll();
        Instant other = nextDueOrNull();
        long step = head.interval.toNanos();
        long skipped = Duration.between(head.at, until).toNanos() / step + 1;
        if (other != null) { // the first run comes before it; the runs after it go in the queue behind it, so only those strictly before
            skipped = Math.min(skipped, Math.max(1, (Duration.between(head.at, other).toNanos() + step - 1) / step));
        }
        now = head.at.plusNanos((skipped - 1) * step);
        head.at = now.plusNanos(step);
        head.order = sequence++;
        queue.add(head);
        ran += skipped;
        return skipped;
    }

    /** How many tasks have run. */
    long ran() {
        return ran;
    }

    public void advance(Duration by) {
        runUntil(now.plus(by));
    }

    /** When the next live task is due, if any. */
    public java.util.Optional<Instant> nextDue() {
        return java.util.Optional.ofNullable(nextDueOrNull());
    }

    /** {@link #nextDue()}, null for none. */
    Instant nextDueOrNull() {
        Task next;
        while ((next = queue.peek()) != null && (next.cancelled || next.scope.closed)) {
            queue.poll();
        }
        return next == null ? null : next.at;
    }

    /** A group of timers. */
    public final class Scope implements Timers {
        private boolean closed;

        @Override
        public Cancellable after(Duration delay, Runnable run) {
            Task task = new Task(now.plus(delay), sequence++, run, this);
            queue.add(task);
            return task;
        }

        /** As {@link Timers#every} does it (the next run queued as this one starts), with one task that goes back in the queue. */
        @Override
        public Cancellable every(Duration interval, Runnable run) {
            Task task = new Task(now.plus(interval), sequence++, run, this);
            task.interval = interval;
            queue.add(task);
            return task;
        }

        public void close() {
            closed = true;
        }
    }

    private static final class Task implements Comparable<Task>, Timers.Cancellable {
        Instant at;
        long order;
        final Runnable run;
        final Scope scope;
        boolean cancelled;
        /** Runs again this long after each run; null for once. */
        Duration interval;

        Task(Instant at, long order, Runnable run, Scope scope) {
            this.at = at;
            this.order = order;
            this.run = run;
            this.scope = scope;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
