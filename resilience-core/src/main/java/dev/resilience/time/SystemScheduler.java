package dev.resilience.time;

import java.util.concurrent.Executors;

/** Holder of the shared timer thread, started on first use. */
final class SystemScheduler {

    static final Scheduler INSTANCE = Scheduler.of(Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resilience-timer");
        thread.setDaemon(true);
        return thread;
    }));

    private SystemScheduler() {
    }
}
