package dev.resilience.ratelimiter;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A blocked caller waiting for its reserved permit's period. The scheduler's task wakes it; an interrupt
 * makes it give up. One CAS decides which came first, so a caller never both gives up and proceeds.
 */
final class Sleeper {

    private static final int WAITING = 0;
    private static final int WOKEN = 1;
    private static final int ABANDONED = 2;

    private final Thread thread;
    private final AtomicInteger state = new AtomicInteger(WAITING);

    Sleeper(Thread thread) {
        this.thread = thread;
    }

    /** The permit's period has started; called by the scheduler's task. */
    void wake() {
        if (state.compareAndSet(WAITING, WOKEN)) {
            LockSupport.unpark(thread);
        }
    }

    /** @return whether the permit's period has started */
    boolean woken() {
        return state.get() == WOKEN;
    }

    /** @return true if the caller gave up before being woken; false if it was woken first */
    boolean abandon() {
        return state.compareAndSet(WAITING, ABANDONED);
    }
}
