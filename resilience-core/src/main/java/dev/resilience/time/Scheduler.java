package dev.resilience.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where every piece of delayed work in core goes (a retry's next attempt, a timeout's deadline).
 * Core never sleeps: it asks a scheduler to run a task later. Tests pass a {@link ManualClock}, whose
 * tasks run when the test moves time past their due time.
 *
 * <p>Implementations must be thread safe.
 */
public interface Scheduler {

    /**
     * Runs {@code task} once, after at least {@code delayNanos} nanoseconds.
     *
     * @param task the work to run; it must not block for long, it may run on a shared timer thread
     * @param delayNanos the delay, in nanoseconds; zero or negative means "as soon as possible"
     * @return a handle that cancels the task if it has not started yet
     */
    Cancellable schedule(Runnable task, long delayNanos);

    /**
     * A scheduler backed by one shared daemon timer thread. Tasks must be short; long work should be
     * handed to another executor by the task itself.
     *
     * @return the shared system scheduler
     */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /**
     * Wraps an executor service the caller owns (and shuts down).
     *
     * @param executor the executor that runs the delayed tasks
     * @return a scheduler that delegates to {@code executor}
     */
    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delayNanos) -> {
            var future = executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }

    /** A handle to scheduled work. */
    @FunctionalInterface
    interface Cancellable {

        /**
         * Cancels the work if it has not started; does nothing otherwise.
         *
         * @return {@code true} if this call prevented the task from running
         */
        boolean cancel();
    }
}
