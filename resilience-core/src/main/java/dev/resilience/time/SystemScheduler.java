package dev.resilience.time;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Holder of the shared timer thread, started on first use. */
final class SystemScheduler {

    static final Scheduler INSTANCE = Scheduler.of(timer());

    private SystemScheduler() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "resilience-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Most timeout tasks are cancelled because the call finished in time; drop them from the queue at
        // once instead of keeping them until their deadline.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
