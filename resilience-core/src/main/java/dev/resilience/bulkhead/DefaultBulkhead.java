package dev.resilience.bulkhead;

import dev.resilience.BulkheadFullException;
import dev.resilience.BulkheadFullException.Reason;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The semaphore bulkhead.
 *
 * <p>All admission state is one {@code long}: queued callers in the high 32 bits, active calls in the low
 * 32. One word lets the fast path admit a caller only while nobody is queued (no barging) with a single
 * CAS, and lets a release see in the same read whether it must hand its slot to a waiter. Invariant:
 * {@code queued > 0} implies {@code active == max-concurrent-calls}, because a caller queues only when every
 * slot is taken, and while anyone is queued a release hands its slot over instead of freeing it. The queued
 * count changes only under {@link #lock}, together with {@link #waiters}; the active count changes lock-free
 * only while the queued count is zero (both fast paths CAS against a word whose queued half is zero).
 */
final class DefaultBulkhead implements Bulkhead {

    private static final long ONE_QUEUED = 1L << 32;
    private static final int ADMITTED = 0;
    private static final int QUEUED = 1;
    private static final int FULL = 2;
    private static final int NO_WAIT = 3;

    private final String name;
    private final BulkheadConfig config;
    private final TimeSource timeSource;
    private final Scheduler scheduler;
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
    private final BulkheadCounters counters = new BulkheadCounters();
    private final EventPublisher<BulkheadEvent> events = new EventPublisher<>();
    private final Permit permit = this::release;
    private final CompletionStage<Permit> admittedStage = CompletableFuture.completedStage(permit);

    DefaultBulkhead(String name, BulkheadConfig config, TimeSource timeSource, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.maxConcurrent = config.maxConcurrentCalls();
        this.maxQueue = config.queueing() ? config.maxQueueSize() : 0;
        this.maxWaitNanos = saturatedNanos(config);
        this.refusalWithoutQueue = config.maxQueueSize() == 0 ? FULL : NO_WAIT;
    }

    private static long saturatedNanos(BulkheadConfig config) {
        try {
            return config.maxWaitDuration().toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static int active(long state) {
        return (int) state;
    }

    private static int queued(long state) {
        return (int) (state >>> 32);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BulkheadConfig config() {
        return config;
    }

    @Override
    public BulkheadSnapshot snapshot() {
        long s = state.get();
        return counters.snapshot(active(s), queued(s), config);
    }

    @Override
    public EventPublisher<BulkheadEvent> events() {
        return events;
    }

    @Override
    public TimeSource timeSource() {
        return timeSource;
    }

    @Override
    public Permit acquirePermit() {
        if (tryAdmit()) {
            return permit;
        }
        ThreadWaiter waiter = new ThreadWaiter(Thread.currentThread());
        int placed = admitOrQueue(waiter);
        if (placed == ADMITTED) {
            return permit;
        }
        if (placed != QUEUED) {
            throw rejected(reasonOf(placed));
        }
        return await(waiter);
    }

    private Permit await(ThreadWaiter waiter) {
        boolean interrupted = false;
        int outcome;
        while ((outcome = waiter.outcome) == ThreadWaiter.WAITING) {
            LockSupport.park(this);
            // Thread.interrupted() clears the flag so the next park can block while an outcome that is
            // already decided by someone else is being delivered; the flag is set again below.
            if (Thread.interrupted()) {
                interrupted = true;
                if (remove(waiter)) {
                    waiter.cancelTimeout();
                    outcome = ThreadWaiter.TIMED_OUT;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome == ThreadWaiter.ADMITTED) {
            return permit;
        }
        throw rejected(Reason.QUEUE_TIMEOUT);
    }

    @Override
    public CompletionStage<Permit> acquirePermitAsync() {
        if (tryAdmit()) {
            return admittedStage;
        }
        FutureWaiter waiter = new FutureWaiter(this);
        int placed = admitOrQueue(waiter);
        if (placed == ADMITTED) {
            return admittedStage;
        }
        if (placed != QUEUED) {
            return CompletableFuture.failedStage(rejected(reasonOf(placed)));
        }
        // Completed by anyone but us (the caller cancelling): leave the queue. After our own completion
        // the waiter is no longer queued and this does nothing.
        waiter.future.whenComplete((admitted, failure) -> {
            if (failure != null && remove(waiter)) {
                waiter.cancelTimeout();
            }
        });
        return waiter.future;
    }

    /** The lock-free fast path: one CAS when a slot is free and nobody is queued. */
    private boolean tryAdmit() {
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
     * The slow path: admits the caller if a slot freed up meanwhile, else queues it if the queue has room.
     *
     * @return {@link #ADMITTED}, {@link #QUEUED}, {@link #FULL}, or {@link #NO_WAIT} (a queue with a zero wait)
     */
    private int admitOrQueue(Waiter waiter) {
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

    private static Reason reasonOf(int refusal) {
        return refusal == FULL ? Reason.QUEUE_FULL : Reason.QUEUE_TIMEOUT;
    }

    private void release() {
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
     * @return true if this call removed it and so decides its outcome
     */
    private boolean remove(Waiter waiter) {
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

    Permit permit() {
        return permit;
    }

    BulkheadFullException rejected(Reason reason) {
        counters.rejected(reason);
        if (events.wants(EventType.REJECTED)) {
            events.publish(new BulkheadEvent.Rejected(name, timeSource.epochMillis(), reason));
        }
        return new BulkheadFullException(name, reason, config.writableStackTrace());
    }

    @Override
    public <T> T call(Callable<T> callable) throws Exception {
        try (Permit held = acquirePermit()) {
            return callable.call();
        }
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        try (Permit held = acquirePermit()) {
            return supplier.get();
        }
    }

    @Override
    public void run(Runnable runnable) {
        try (Permit held = acquirePermit()) {
            runnable.run();
        }
    }

    @Override
    public <T> CompletionStage<T> callAsync(Supplier<? extends CompletionStage<T>> supplier) {
        return acquirePermitAsync().thenCompose(held -> {
            CompletionStage<T> stage;
            try {
                stage = Objects.requireNonNull(supplier.get(), "supplier returned a null stage");
            } catch (Throwable e) {
                held.release();
                return CompletableFuture.failedStage(e);
            }
            return stage.whenComplete((result, failure) -> held.release());
        });
    }

    @Override
    public EventPublisher.Subscription onQueueWait(LongConsumer listener) {
        return counters.subscribe(listener);
    }

    @Override
    public void reset() {
        counters.reset();
    }

    @Override
    public String toString() {
        return "Bulkhead[" + name + ", " + snapshot() + "]";
    }
}
