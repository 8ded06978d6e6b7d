package dev.resilience.retry;

import dev.resilience.time.Scheduler;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes the calling thread wait for a delay without {@code Thread.sleep}: a task scheduled on the
 * {@link Scheduler} sets a flag and unparks the waiter, which parks until it sees the flag. Time thus
 * comes from the scheduler alone: a {@link dev.resilience.time.ManualClock} releases the waiter exactly
 * when a test advances past the delay. Parking is cheap on platform and virtual threads alike (a virtual
 * thread unmounts). Spurious wake-ups are absorbed by re-checking the flag.
 */
final class SyncWait implements Runnable {

    private final Thread waiter = Thread.currentThread();
    private volatile boolean due;

    private SyncWait() {
    }

    /**
     * Waits for {@code delayNanos} on the calling thread.
     *
     * @param scheduler the scheduler that ends the wait
     * @param delayNanos the delay; 0 returns at once
     * @return {@code true} if the delay passed; {@code false} if the thread was interrupted (the flag is
     *         left set and the scheduled task cancelled)
     */
    static boolean await(Scheduler scheduler, long delayNanos) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (delayNanos <= 0) {
            return true;
        }
        SyncWait wait = new SyncWait();
        Scheduler.Cancellable task = scheduler.schedule(wait, delayNanos);
        while (!wait.due) {
            LockSupport.park(wait);
            if (Thread.currentThread().isInterrupted()) {
                task.cancel();
                return false;
            }
        }
        return true;
    }

    @Override
    public void run() {
        due = true;
        LockSupport.unpark(waiter);
    }
}
