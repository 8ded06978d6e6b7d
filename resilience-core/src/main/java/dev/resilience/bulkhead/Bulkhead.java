package dev.resilience.bulkhead;

import dev.resilience.BulkheadFullException;
import dev.resilience.Resettable;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventSource;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A semaphore bulkhead: at most {@code max-concurrent-calls} calls hold a slot at once; up to
 * {@code max-queue-size} further callers wait, in arrival order, for at most {@code max-wait-duration};
 * anyone else is refused with {@link BulkheadFullException} ({@code QUEUE_FULL} when the queue has no
 * room, {@code QUEUE_TIMEOUT} when the wait ran out).
 *
 * <p>Thread safe. Guarantees:
 * <ul>
 * <li>Taking a free slot when nobody is queued, and giving it back when nobody is queued, is one CAS:
 *     no lock, no allocation, no clock read.</li>
 * <li>No barging: while anyone is queued, a new caller queues behind them; a released slot goes straight
 *     to the longest-waiting caller (FIFO, synchronous and asynchronous waiters alike).</li>
 * <li>Waits are never timed parks. A waiter's deadline is a task on the injected {@link Scheduler}; with a
 *     {@link dev.resilience.time.ManualClock} it fires when the test moves time past it.</li>
 * <li>An asynchronous caller never blocks a thread: {@link #acquirePermitAsync()} completes when a slot is
 *     handed over, on the thread that handed it over, or fails when the scheduler ends its wait.</li>
 * <li>A blocked caller that is interrupted leaves the queue, keeps its interrupt flag, and is refused with
 *     {@code QUEUE_TIMEOUT} (its wait ended without a slot), counted and published like any refusal. A
 *     {@link BulkheadFullException} keeps the circuit breaker from counting the interrupt as a downstream
 *     failure and retry from retrying it; the flag tells the caller why.</li>
 * </ul>
 *
 * <pre>{@code
 * Bulkhead bulkhead = Bulkhead.of("inventory", BulkheadConfig.builder().maxConcurrentCalls(10).build());
 * Stock stock = bulkhead.call(() -> client.stock(item));
 *
 * try (Bulkhead.Permit permit = bulkhead.acquirePermit()) {
 *     client.stock(item);
 * }
 * }</pre>
 */
public interface Bulkhead extends Resettable, EventSource {

    /**
     * Creates a bulkhead on the JVM's clocks and the shared system scheduler.
     *
     * @param name the bulkhead's name ({@code name} or {@code name[key]})
     * @param config its configuration
     * @return a new bulkhead with every slot free
     */
    static Bulkhead of(String name, BulkheadConfig config) {
        return of(name, config, TimeSource.system(), Scheduler.system());
    }

    /**
     * Creates a bulkhead that reads time from {@code timeSource} and ends queue waits through
     * {@code scheduler}.
     *
     * @param name the bulkhead's name ({@code name} or {@code name[key]})
     * @param config its configuration
     * @param timeSource where time comes from (a {@link dev.resilience.time.ManualClock} in tests)
     * @param scheduler runs the queue-wait deadlines (the same {@code ManualClock} in tests)
     * @return a new bulkhead with every slot free
     */
    static Bulkhead of(String name, BulkheadConfig config, TimeSource timeSource, Scheduler scheduler) {
        return new DefaultBulkhead(name, config, timeSource, scheduler);
    }

    /** @return the name, as shown in the endpoint ({@code name} or {@code name[key]}) */
    String name();

    /** @return the configuration in effect */
    BulkheadConfig config();

    /**
     * Applies a new configuration to this live instance, keeping its state and statistics. Calls already
     * running finish; a smaller {@code max-concurrent-calls} admits new calls only once the active count is
     * under it, a larger one admits queued callers at once (longest waiting first). During the switch the
     * active count never exceeds the larger of the two limits. A smaller queue keeps its current waiters
     * but refuses new ones while over the new size; a new {@code max-wait-duration} applies to callers
     * queued afterwards. {@code max-keys} is not applied to a live registry. Thread safe; concurrent
     * reconfigurations are applied one after the other.
     *
     * A {@link dev.resilience.event.ConfigChangedEvent} with the changed settings (old and new values) and
     * {@code principal} is published to the {@link EventPublisher#subscribeAny} subscribers, after the switch.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @param principal who makes the change, as recorded in the event
     * @return the configuration that was in effect before
     */
    BulkheadConfig reconfigure(BulkheadConfig newConfig, String principal);

    /**
     * {@link #reconfigure(BulkheadConfig, String)} by {@link ConfigChanges#ANONYMOUS}.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @return the configuration that was in effect before
     */
    default BulkheadConfig reconfigure(BulkheadConfig newConfig) {
        return reconfigure(newConfig, ConfigChanges.ANONYMOUS);
    }

    /**
     * The concurrency limit in effect: {@code max-concurrent-calls}, unless {@code adaptive.enabled}, in
     * which case it moves within [{@code adaptive.min-concurrent-calls}, {@code max-concurrent-calls}] by
     * the rules of {@link AdaptiveLimitConfig}; a {@link #reconfigure} that changes the adaptive settings or
     * {@code max-concurrent-calls} starts it again from {@code max-concurrent-calls}, any other keeps it.
     * Thread safe, O(1).
     *
     * @return the most calls admitted at once from now on
     */
    default int concurrencyLimit() {
        return config().maxConcurrentCalls();
    }

    /** @return a copy of the current state and statistics (allocates one object) */
    BulkheadSnapshot snapshot();

    /** @return the publisher of this bulkhead's events (rejections) */
    EventPublisher<BulkheadEvent> events();

    /** @return the time source this bulkhead reads */
    TimeSource timeSource();

    /**
     * Takes a slot, waiting in the queue if the configuration allows it. Without contention this never
     * blocks and never allocates.
     *
     * @return the permit; release it exactly once when the call is over
     * @throws BulkheadFullException if no slot could be had (a REJECTED event is published); after an
     *         interrupt while queued, with the interrupt flag set
     */
    Permit acquirePermit();

    /**
     * Takes a slot without blocking a thread. When a slot is free the returned stage is already complete
     * (one shared stage: no allocation); otherwise the caller is queued and the stage completes when a slot
     * is handed over, on the thread that hands it over, or fails with {@link BulkheadFullException} when the
     * wait runs out (on the scheduler's thread) or the queue is full. It never throws. Cancelling the stage's
     * {@link java.util.concurrent.CompletableFuture} leaves the queue; a slot handed over after that is given
     * back.
     *
     * @return a stage of the permit; release it exactly once when the call is over
     */
    CompletionStage<Permit> acquirePermitAsync();

    /**
     * Runs a callable in a slot and gives the slot back however it ends.
     *
     * @param callable the call
     * @param <T> the result type
     * @return the callable's result
     * @throws Exception what the callable threw, or {@link BulkheadFullException}
     */
    <T> T call(Callable<T> callable) throws Exception;

    /**
     * Runs a supplier in a slot and gives the slot back however it ends.
     *
     * @param supplier the call
     * @param <T> the result type
     * @return the supplier's result
     */
    <T> T get(Supplier<T> supplier);

    /**
     * Runs a runnable in a slot and gives the slot back however it ends.
     *
     * @param runnable the call
     */
    void run(Runnable runnable);

    /**
     * Starts an asynchronous call once a slot is had (see {@link #acquirePermitAsync()}) and gives the slot
     * back when the call's stage completes, normally or not. Never throws: a refusal, or an exception from
     * {@code supplier}, fails the returned stage.
     *
     * @param supplier starts the call; runs on the thread that obtained the slot: the caller's when a slot
     *        is free, else the thread whose release handed it over, so hand long work to an executor
     * @param <T> the result type
     * @return a stage with the call's outcome
     */
    <T> CompletionStage<T> callAsync(Supplier<? extends CompletionStage<T>> supplier);

    /**
     * Subscribes to queue waits, for a {@code resilience.bulkhead.queue.wait} timer. The listener receives
     * the nanoseconds each queued caller spent in the queue, whatever ended its wait (a slot, a timeout, an
     * interrupt or a cancellation), on the thread that ended it. Callers that never queued are not reported.
     *
     * @param listener receives waits in nanoseconds; must be thread safe and quick
     * @return a handle that ends the subscription
     */
    EventPublisher.Subscription onQueueWait(LongConsumer listener);

    /**
     * Clears the statistics (rejections, queue waits). Slots and the queue are untouched: running calls
     * keep their slots and give them back as usual, queued callers keep their place.
     */
    void reset();

    /**
     * A held slot. Permits are one shared object per bulkhead, so taking and giving back allocates nothing;
     * the price is that each acquisition must be released exactly once. Releasing more often than acquiring
     * is detected when it would make the count negative.
     */
    @FunctionalInterface
    interface Permit extends AutoCloseable {

        /**
         * Gives the slot back: to the longest-waiting queued caller if there is one, else to the pool.
         *
         * @throws IllegalStateException if the bulkhead has no slot in use
         */
        void release();

        /** Same as {@link #release()}, for try-with-resources. */
        @Override
        default void close() {
            release();
        }
    }
}
