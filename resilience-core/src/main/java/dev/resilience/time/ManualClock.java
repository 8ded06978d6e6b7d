package dev.resilience.time;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock and scheduler that move only when told to, for tests. {@link #advance(Duration)} moves
 * both the monotonic and the wall clock, then runs, on the calling thread and in due-time order,
 * every scheduled task whose time has come (tasks scheduled by those tasks included, if due).
 *
 * <p>Thread safe: reads are lock free; scheduling and advancing synchronize on the task queue.
 */
public final class ManualClock implements TimeSource, Scheduler {

    private final AtomicLong nanos = new AtomicLong();
    private final long epochMillisAtZero;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long sequence;

    /** A clock at monotonic time zero and wall time 2026-01-01T00:00:00Z. */
    public ManualClock() {
        this(1_767_225_600_000L);
    }

    /**
     * A clock at monotonic time zero and the given wall time.
     *
     * @param epochMillis the wall time at monotonic zero
     */
    public ManualClock(long epochMillis) {
        this.epochMillisAtZero = epochMillis;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long epochMillis() {
        return epochMillisAtZero + nanos.get() / 1_000_000L;
    }

    /**
     * Moves time forward and runs the tasks that became due.
     *
     * @param duration how far to move; must not be negative
     */
    public void advance(Duration duration) {
        advanceNanos(duration.toNanos());
    }

    /**
     * Moves time forward by a number of nanoseconds and runs the tasks that became due.
     *
     * @param delta nanoseconds to move; must not be negative
     */
    public void advanceNanos(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("time only moves forward, got " + delta + "ns");
        }
        long target = nanos.get() + delta;
        while (true) {
            Task next;
            synchronized (tasks) {
                next = tasks.peek();
                if (next == null || next.dueNanos > target) {
                    nanos.set(target);
                    return;
                }
                tasks.poll();
                if (next.dueNanos > nanos.get()) {
                    nanos.set(next.dueNanos);
                }
            }
            next.run();
        }
    }

    /**
     * Runs the tasks that are already due, without moving time.
     */
    public void runDueTasks() {
        advanceNanos(0);
    }

    /**
     * The number of tasks scheduled and not yet run or cancelled.
     *
     * @return the pending task count
     */
    public int pendingTasks() {
        synchronized (tasks) {
            return tasks.size();
        }
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        synchronized (tasks) {
            Task scheduled = new Task(task, nanos.get() + Math.max(0, delayNanos), sequence++);
            tasks.add(scheduled);
            return () -> {
                synchronized (tasks) {
                    return tasks.remove(scheduled);
                }
            };
        }
    }

    private static final class Task implements Comparable<Task> {
        final Runnable runnable;
        final long dueNanos;
        final long order;

        Task(Runnable runnable, long dueNanos, long order) {
            this.runnable = runnable;
            this.dueNanos = dueNanos;
            this.order = order;
        }

        void run() {
            runnable.run();
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
