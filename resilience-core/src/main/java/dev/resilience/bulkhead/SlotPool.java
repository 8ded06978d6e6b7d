package dev.resilience.bulkhead;

import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bulkhead's slots and its queue of waiters.
 *
 * <p>All admission state is one {@code long}: queued callers in the high 32 bits, active calls in the low
 * 32. One word lets the fast path admit a caller only while nobody is queued (no barging) with a single
 * CAS, and lets a release see in the same read whether it must hand its slot to a waiter. Invariant:
 * {@code queued > 0} implies {@code active == max-concurrent-calls}, because a caller queues only when every
 * slot is taken, and while anyone is queued a release hands its slot over instead of freeing it. The queued
 * count changes only under {@link #lock}, together with {@link #waiters}; the active count changes lock-free
 * only while the queued count is zero (both fast paths CAS against a word whose queued half is zero).
 */
final class SlotPool {

    static final int ADMITTED = 0;
    static final int QUEUED = 1;
    static final int FULL = 2;
    /** A queue exists but the wait is zero: the caller's wait is over before it starts. */
    static final int NO_WAIT = 3;

    private static final long ONE_QUEUED = 1L << 32;

    private final String name;
    private final TimeSource timeSource;
    private final Scheduler scheduler;
    private final BulkheadCounters counters;
    private final int maxConcurrent;
    private final int maxQueue;
    private final long maxWaitNanos;
    private final int refusalWithoutQueue;
    private final AtomicLong state = new AtomicLong();
    // Guards the queue and every change of the queued count. Only queueing callers, releases that hand a
    // slot over, timeouts and cancellations take it. A ReentrantLock rather than a monitor so that virtual
    // threads do not pin a carrier on JDK 21-23, and so that a scheduler running a task inline cannot
    // deadlock us.
    private final ReentrantLock lock = new ReentrantLock();
    private final WaiterQueue waiters = new WaiterQueue();

    SlotPool(String name, BulkheadConfig config, TimeSource timeSource, Scheduler scheduler,
            BulkheadCounters counters) {
        this.name = name;
        this.timeSource = timeSource;
        this.scheduler = scheduler;
        this.counters = counters;
        this.maxConcurrent = config.maxConcurrentCalls();
        this.maxQueue = config.queueing() ? config.maxQueueSize() : 0;
        this.maxWaitNanos = cappedNanos(config.maxWaitDuration());
        this.refusalWithoutQueue = config.maxQueueSize() == 0 ? FULL : NO_WAIT;
    }

    // Capped at about 146 years, so that a scheduler adding the delay to its clock cannot overflow.
    private static long cappedNanos(Duration wait) {
        long cap = Long.MAX_VALUE / 2;
        return wait.compareTo(Duration.ofNanos(cap)) >= 0 ? cap : wait.toNanos();
    }

    /** @return the packed state; decode with {@link #active(long)} and {@link #queued(long)} */
    long state() {
        return state.get();
    }

    static int active(long state) {
        return (int) state;
    }

    static int queued(long state) {
        return (int) (state >>> 32);
    }

    /**
     * The lock-free fast path: one CAS when a slot is free and nobody is queued.
     *
     * @return true if the caller now holds a slot
     */
    boolean tryAdmit() {
        long s = state.get();
        while (queued(s) == 0 && active(s) < maxConcurrent) {
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
            s = state.get();
        }
        return false;
    }

    /**
     * The slow path: admits the caller if a slot freed up meanwhile, else queues it if the queue has room
     * and schedules the end of its wait.
     *
     * @param waiter the caller's waiter, used only if it is queued
     * @return {@link #ADMITTED}, {@link #QUEUED}, {@link #FULL} or {@link #NO_WAIT}
     */
    int admitOrQueue(Waiter waiter) {
        if (maxQueue == 0) {
            return refusalWithoutQueue;
        }
        if (queued(state.get()) >= maxQueue) {
            // Lock-free refusal under overload: the queue was full at the moment of this read.
            return FULL;
        }
        lock.lock();
        try {
            while (true) {
                long s = state.get();
                if (queued(s) == 0 && active(s) < maxConcurrent) {
                    if (state.compareAndSet(s, s + 1)) {
                        return ADMITTED;
                    }
                } else if (queued(s) >= maxQueue) {
                    return FULL;
                } else if (state.compareAndSet(s, s + ONE_QUEUED)) {
                    waiter.enqueuedNanos = timeSource.nanoTime();
                    waiters.add(waiter);
                    waiter.timeout = scheduler.schedule(() -> timeOut(waiter), maxWaitNanos);
                    return QUEUED;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives a slot back: to the longest-waiting caller if anyone is queued, else to the pool (one CAS).
     *
     * @throws IllegalStateException if no slot is in use
     */
    void release() {
        while (true) {
            long s = state.get();
            if (queued(s) > 0) {
                if (handOver()) {
                    return;
                }
            } else if (active(s) == 0) {
                throw new IllegalStateException("Bulkhead '" + name + "' released more permits than it gave out");
            } else if (state.compareAndSet(s, s - 1)) {
                return;
            }
        }
    }

    /**
     * Gives the releasing call's slot to the longest-waiting caller; the active count stays as it is.
     *
     * @return false if the queue emptied meanwhile (the caller then frees the slot the plain way)
     */
    private boolean handOver() {
        Waiter next;
        lock.lock();
        try {
            next = waiters.poll();
            if (next == null) {
                return false;
            }
            state.addAndGet(-ONE_QUEUED);
            next.leave(timeSource.nanoTime());
        } finally {
            lock.unlock();
        }
        next.cancelTimeout();
        counters.leftQueue(next.waitNanos);
        next.admit();
        return true;
    }

    private void timeOut(Waiter waiter) {
        if (remove(waiter)) {
            waiter.timeOut();
        }
    }

    /**
     * Takes a waiter out of the queue if it is still there (timeout, interrupt, cancellation).
     *
     * @param waiter the waiter
     * @return true if this call removed it and so decides its outcome
     */
    boolean remove(Waiter waiter) {
        lock.lock();
        try {
            if (!waiter.queued) {
                return false;
            }
            waiters.remove(waiter);
            state.addAndGet(-ONE_QUEUED);
            waiter.leave(timeSource.nanoTime());
        } finally {
            lock.unlock();
        }
        counters.leftQueue(waiter.waitNanos);
        return true;
    }
}
