package dev.resilience.bulkhead;

import java.util.concurrent.locks.LockSupport;

/**
 * A blocked caller of {@link Bulkhead#acquirePermit()}: it parks until {@link #outcome} changes. Timeouts
 * are enforced by a task on the bulkhead's {@link dev.resilience.time.Scheduler}, never by a timed park, so
 * a waiter under a manual clock wakes exactly when the test moves time past its deadline.
 */
final class ThreadWaiter extends Waiter {

    static final int WAITING = 0;
    static final int ADMITTED = 1;
    static final int TIMED_OUT = 2;

    private final Thread thread;
    // Written after the waiter left the queue; the parked thread polls it (spurious wake-ups included).
    volatile int outcome = WAITING;

    ThreadWaiter(Thread thread) {
        this.thread = thread;
    }

    @Override
    void admit() {
        outcome = ADMITTED;
        LockSupport.unpark(thread);
    }

    @Override
    void timeOut() {
        outcome = TIMED_OUT;
        LockSupport.unpark(thread);
    }
}
