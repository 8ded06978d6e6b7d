package dev.resilience.bulkhead;

import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bulkhead's slots and its queue of waiters.
 *
 * <p>All admission state is one {@code long}: queued callers in the high 32 bits, active calls in the low
 * 32. One word lets the fast path admit a caller only while nobody is queued (no barging) with a single
 * CAS, and lets a release see in the same read whether it must hand its slot to a waiter. Invariant:
 * {@code queued > 0} implies {@code active >= max-concurrent-calls} (equal except after the limit was
 * lowered by {@link #reconfigure}, until the calls over it finish), because a caller queues only when every
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
    // Volatile, written only by reconfigure() under the lock: read once per admission (a plain load on
    // x86/ARM for a field that changes almost never).
    private volatile int maxConcurrent;
    private volatile int maxQueue;
    private volatile long maxWaitNanos;
    private volatile int refusalWithoutQueue;
    private final AtomicLong state = new AtomicLong();
    // Guards the queue and every change of the queued count. Only queueing callers, releases that hand a
    // slot over, timeouts and cancellations take it. A ReentrantLock rather than a monitor so that virtual
    // threads do not pin a carrier on JDK 21-23, and so that a scheduler running a task inline cannot
    // deadlock us.
    private final ReentrantLock lock = new ReentrantLock();
    private final WaiterQueue waiters = new WaiterQueue();
    /** The adaptive limit's rule, or null; read and changed only under {@link #lock}. */
    private AdaptiveLimit adaptive;

    SlotPool(String name, BulkheadConfig config, TimeSource timeSource, Scheduler scheduler,
            BulkheadCounters counters) {
        this.name = name;
        this.timeSource = timeSource;
        this.scheduler = scheduler;
        this.counters = counters;
        apply(config);
    }

    private void apply(BulkheadConfig config) {
        this.maxQueue = config.queueing() ? config.maxQueueSize() : 0;
        this.maxWaitNanos = cappedNanos(config.maxWaitDuration());
        this.refusalWithoutQueue = config.maxQueueSize() == 0 ? FULL : NO_WAIT;
        AdaptiveLimit previous = adaptive;
        if (previous == null || !previous.continuesUnder(config)) {
            this.maxConcurrent = config.maxConcurrentCalls();
            this.adaptive = AdaptiveLimit.of(config);
        }
    }

    /**
     * Applies new limits to the live pool. Calls already running finish; nobody is refused or cut short.
     * A smaller limit admits nobody new (and hands no slot to a waiter) until the active count is below it;
     * a larger one admits waiters at once, longest waiting first, up to the new limit. Waiters beyond a
     * smaller queue size stay queued; new ones are refused while the queue is at or over the new size. A new
     * wait applies to callers queued from now on. The active count never exceeds the larger of the two limits.
     *
     * @param config the new configuration
     */
    void reconfigure(BulkheadConfig config) {
        List<Waiter> admitted;
        lock.lock();
        try {
            apply(config);
            admitted = admitWaitersUnderLimit();
        } finally {
            lock.unlock();
        }
        deliver(admitted);
    }

    /** @return the concurrency limit in effect: {@code max-concurrent-calls}, or an adaptive limit's value */
    int limit() {
        return maxConcurrent;
    }

    /**
     * Feeds one finished call to an adaptive limit and applies its new value the way {@link #reconfigure}
     * applies a new {@code max-concurrent-calls}: running calls finish, a lower limit admits nobody new
     * until the active count is under it, a higher one admits waiters at once. Skipped when adaptation is
     * off, and when the lock is busy: a sample is statistics, not worth making a releasing caller wait.
     *
     * @param latencyNanos the call's time from admission to release
     * @param inFlight calls holding a slot when it finished, itself included
     */
    void sample(long latencyNanos, int inFlight) {
        if (!lock.tryLock()) {
            return;
        }
        List<Waiter> admitted;
        try {
            AdaptiveLimit rule = adaptive;
            if (rule == null) {
                return;
            }
            int next = rule.sample(latencyNanos, inFlight, maxConcurrent);
            if (next == maxConcurrent) {
                return;
            }
            maxConcurrent = next;
            admitted = admitWaitersUnderLimit();
        } finally {
            lock.unlock();
        }
        deliver(admitted);
    }

    /** Growth: hands free slots to waiters, longest waiting first; called under the lock. */
    private List<Waiter> admitWaitersUnderLimit() {
        // The queued count only changes under the lock, so waiters and the count agree; lock-free releases
        // and admissions meanwhile only retry their CAS.
        List<Waiter> admitted = List.of();
        Waiter next;
        while (active(state.get()) < maxConcurrent && (next = waiters.poll()) != null) {
            state.addAndGet(1 - ONE_QUEUED);
            next.leave(timeSource.nanoTime());
            if (admitted.isEmpty()) {
                admitted = new ArrayList<>();
            }
            admitted.add(next);
        }
        return admitted;
    }

    /** Tells waiters admitted under the lock, outside it. */
    private void deliver(List<Waiter> admitted) {
        for (Waiter waiter : admitted) {
            waiter.cancelTimeout();
            counters.leftQueue(waiter.waitNanos);
            waiter.admit();
        }
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
                if (active(s) >= maxConcurrent) {
                    // the limit was lowered by reconfigure() between our read of it and our CAS: the slot is
                    // given back before the caller runs anything, so no call ever runs over the new limit
                    release();
                    return false;
                }
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
            // Over a limit lowered by reconfigure(), the slot is freed rather than handed over.
            if (queued(s) > 0 && active(s) <= maxConcurrent) {
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
     * @return false if the queue emptied or the limit was lowered meanwhile (the caller then frees the slot
     *     the plain way)
     */
    private boolean handOver() {
        Waiter next;
        lock.lock();
        try {
            if (active(state.get()) > maxConcurrent) {
                return false; // the limit was lowered meanwhile: the caller frees the slot instead
            }
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
