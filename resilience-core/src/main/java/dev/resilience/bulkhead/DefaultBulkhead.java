package dev.resilience.bulkhead;

import dev.resilience.BulkheadFullException;
import dev.resilience.BulkheadFullException.Reason;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The semaphore bulkhead: the public operations over a {@link SlotPool}, plus rejections, events and
 * statistics.
 */
final class DefaultBulkhead implements Bulkhead {

    private final String name;
    private volatile BulkheadConfig config;
    private final TimeSource timeSource;
    private final BulkheadCounters counters = new BulkheadCounters();
    private final SlotPool slots;
    private final EventPublisher<BulkheadEvent> events = new EventPublisher<>();
    private final Permit permit;
    private final CompletionStage<Permit> admittedStage;
    // Whether permits are timed (adaptive limit): read once per admission, written by reconfigure().
    private volatile boolean adaptive;

    DefaultBulkhead(String name, BulkheadConfig config, TimeSource timeSource, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.slots = new SlotPool(name, config, timeSource, Objects.requireNonNull(scheduler, "scheduler"), counters);
        this.permit = slots::release;
        // A minimal stage: shared by every uncontended asynchronous caller, it cannot be completed or
        // cancelled by any of them.
        this.admittedStage = CompletableFuture.completedStage(permit);
        this.adaptive = config.adaptive().enabled();
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
    public BulkheadConfig reconfigure(BulkheadConfig newConfig, String principal) {
        Objects.requireNonNull(newConfig, "newConfig");
        Objects.requireNonNull(principal, "principal");
        // one reconfiguration at a time, so the config reference and the pool's limits agree afterwards
        synchronized (slots) {
            BulkheadConfig old = config;
            slots.reconfigure(newConfig);
            config = newConfig;
            adaptive = newConfig.adaptive().enabled();
            // inside the block: changes are published in the order they were applied
            ConfigChanges.publish(events, name, timeSource.epochMillis(), principal, old.asMap(), newConfig.asMap());
            return old;
        }
    }

    @Override
    public BulkheadSnapshot snapshot() {
        long state = slots.state();
        return counters.snapshot(SlotPool.active(state), SlotPool.queued(state), config);
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
        if (slots.tryAdmit()) {
            return permit();
        }
        ThreadWaiter waiter = new ThreadWaiter(Thread.currentThread());
        int placed = slots.admitOrQueue(waiter);
        if (placed == SlotPool.ADMITTED) {
            return permit();
        }
        if (placed != SlotPool.QUEUED) {
            throw rejected(reasonOf(placed));
        }
        return await(waiter);
    }

    private Permit await(ThreadWaiter waiter) {
        boolean interrupted = false;
        int outcome;
        while ((outcome = waiter.outcome) == ThreadWaiter.WAITING) {
            LockSupport.park(this);
            // Thread.interrupted() clears the flag so that the next park can block while an outcome someone
            // else already decided is being delivered; the flag is set again below.
            if (Thread.interrupted()) {
                interrupted = true;
                if (slots.remove(waiter)) {
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
            return permit();
        }
        throw rejected(Reason.QUEUE_TIMEOUT);
    }

    @Override
    public CompletionStage<Permit> acquirePermitAsync() {
        if (slots.tryAdmit()) {
            return admittedStage();
        }
        FutureWaiter waiter = new FutureWaiter(this);
        int placed = slots.admitOrQueue(waiter);
        if (placed == SlotPool.ADMITTED) {
            return admittedStage();
        }
        if (placed != SlotPool.QUEUED) {
            return CompletableFuture.failedFuture(rejected(reasonOf(placed)));
        }
        // Completed by anyone but us (the caller cancelling): leave the queue. After our own completion
        // the waiter is no longer queued and this does nothing.
        waiter.future.whenComplete((admitted, failure) -> {
            if (failure != null && slots.remove(waiter)) {
                waiter.cancelTimeout();
            }
        });
        return waiter.future;
    }

    private static Reason reasonOf(int refusal) {
        return refusal == SlotPool.FULL ? Reason.QUEUE_FULL : Reason.QUEUE_TIMEOUT;
    }

    /** @return the shared permit, or in adaptive mode a new one that times its call from now */
    Permit permit() {
        return adaptive ? new TimedPermit(this, timeSource.nanoTime()) : permit;
    }

    private CompletionStage<Permit> admittedStage() {
        return adaptive ? CompletableFuture.completedStage(permit()) : admittedStage;
    }

    /**
     * Gives back the slot of a timed permit and feeds its latency to the adaptive limit. Two clock reads
     * per call, in adaptive mode only.
     *
     * @param admittedNanos when the call was admitted
     */
    void releaseTimed(long admittedNanos) {
        long latency = timeSource.nanoTime() - admittedNanos;
        int inFlight = SlotPool.active(slots.state());
        slots.release();
        slots.sample(latency, inFlight);
    }

    @Override
    public int concurrencyLimit() {
        return slots.limit();
    }

    /** Counts and publishes a refusal and creates the caller's exception. */
    private BulkheadFullException rejected(Reason reason) {
        BulkheadFullException rejection = rejection(reason);
        recordRejection(reason);
        return rejection;
    }

    BulkheadFullException rejection(Reason reason) {
        return new BulkheadFullException(name, reason, config.writableStackTrace());
    }

    void recordRejection(Reason reason) {
        counters.rejected(reason);
        if (events.wants(EventType.REJECTED)) {
            events.publish(new BulkheadEvent.Rejected(name, timeSource.epochMillis(), reason));
        }
    }

    @Override
    public <T> T call(Callable<T> callable) throws Exception {
        Permit held = acquirePermit();
        try {
            return callable.call();
        } finally {
            held.release();
        }
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        Permit held = acquirePermit();
        try {
            return supplier.get();
        } finally {
            held.release();
        }
    }

    @Override
    public void run(Runnable runnable) {
        Permit held = acquirePermit();
        try {
            runnable.run();
        } finally {
            held.release();
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
                return CompletableFuture.failedFuture(e);
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
