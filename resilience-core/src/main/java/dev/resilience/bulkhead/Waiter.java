package dev.resilience.bulkhead;

import dev.resilience.time.Scheduler;

/**
 * A caller waiting in a bulkhead's queue. The links, {@code queued}, {@code enqueuedNanos},
 * {@code timeout} and {@code waitNanos} are written under the bulkhead's lock; whoever takes the waiter
 * out of the queue (a release handing over its slot, the timeout task, an interrupt or a cancellation)
 * decides its outcome under that lock, so exactly one of them does, and then delivers it outside the
 * lock through {@link #admit()} or {@link #timeOut()}.
 */
abstract class Waiter {

    Waiter prev;
    Waiter next;
    boolean queued;
    long enqueuedNanos;
    long waitNanos;
    Scheduler.Cancellable timeout;

    /**
     * Marks the waiter as out of the queue and measures its wait; called under the lock.
     *
     * @param nowNanos the time it left
     */
    final void leave(long nowNanos) {
        queued = false;
        waitNanos = Math.max(0, nowNanos - enqueuedNanos);
    }

    /** Cancels the timeout task, if one was scheduled; called outside the lock. */
    final void cancelTimeout() {
        Scheduler.Cancellable task = timeout;
        if (task != null) {
            task.cancel();
        }
    }

    /** The waiter was given a slot (handed over by a releasing call); it now owns it. */
    abstract void admit();

    /** The waiter left the queue without a slot because its wait ran out. */
    abstract void timeOut();
}
