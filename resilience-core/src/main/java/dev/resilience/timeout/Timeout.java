package dev.resilience.timeout;

import dev.resilience.Resettable;
import dev.resilience.TimeoutExceededException;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventSource;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A timeout: a call that has not finished at its deadline ends, for its caller, with
 * {@link TimeoutExceededException}. Works on ordinary synchronous methods as well as on
 * {@link CompletionStage}s. Thread safe.
 *
 * <h2>Synchronous calls</h2>
 * The call runs on the caller's thread; no thread is started per call. A task on the {@link Scheduler}
 * fires at the deadline; with {@code cancel-running} it interrupts the caller's thread, so that a method
 * blocked in interruptible I/O, {@code Thread.sleep}, a lock or a queue stops at once, and the caller gets
 * {@link TimeoutExceededException} as soon as the method gives up. The method's late result or exception is
 * discarded (an exception is attached to the timeout exception as suppressed).
 *
 * <p>A method that ignores interrupts (a busy loop, non-interruptible I/O) cannot be stopped: the caller
 * gets {@link TimeoutExceededException} only when the method returns, however late, and whatever it
 * returned is discarded. Without {@code cancel-running} no task is scheduled at all: when the method
 * returns, the elapsed time is compared with the deadline.
 *
 * <p>The interrupt never outlives the call: exactly one of "the call finished" and "the deadline passed"
 * wins a compare-and-set on the call's state. If the call finished first, the timer does nothing. If the
 * deadline won, the finishing caller waits for the timer to have delivered its interrupt and then clears
 * it (unless the thread was already interrupted before, or an enclosing timeout on the same thread has
 * also expired), so the thread leaves the timeout with its interrupt status as it was.
 *
 * <h2>Deadline propagation</h2>
 * A synchronous call records its deadline in a thread-local; a timeout started inside it on the same
 * thread gets no more time than the enclosing one has left (and fails at once if none is left).
 * {@link #callAsync(Supplier)} also honours the deadline of a synchronous timeout active on the calling
 * thread. Deadlines do not travel with a {@link CompletionStage} to other threads: a timeout started in
 * another thread's continuation uses its own duration; the enclosing stage still completes exceptionally
 * at the enclosing deadline, so its caller never waits longer.
 *
 * <h2>Asynchronous calls</h2>
 * {@link #callAsync(Supplier)} completes the returned future exceptionally at the deadline and, with
 * {@code cancel-running}, cancels the underlying future. No thread blocks.
 *
 * <p>Statistics are disjoint (SPEC ruling 10): every call is exactly one of successful, failed (threw
 * before the deadline) or timed out.
 */
public interface Timeout extends Resettable, EventSource {

    /**
     * Creates a timeout on the JVM's clocks and the shared timer thread.
     *
     * @param name the instance name
     * @param config its configuration
     * @return a new timeout
     */
    static Timeout of(String name, TimeoutConfig config) {
        return of(name, config, TimeSource.system(), Scheduler.system());
    }

    /**
     * Creates a timeout.
     *
     * @param name the instance name
     * @param config its configuration
     * @param timeSource where time comes from
     * @param scheduler where the deadline tasks run
     * @return a new timeout
     */
    static Timeout of(String name, TimeoutConfig config, TimeSource timeSource, Scheduler scheduler) {
        return new DefaultTimeout(name, config, timeSource, scheduler);
    }

    /** @return the name, as shown in the endpoint */
    String name();

    /** @return the configuration in effect */
    TimeoutConfig config();

    /**
     * Applies a new configuration to this live timeout. Calls that start after the switch use it; a call in
     * flight keeps the duration and {@code cancel-running} it started with (its deadline does not move).
     * Statistics are kept. A {@link dev.resilience.event.ConfigChangedEvent} with the changed settings and
     * {@code principal} is published to the {@link EventPublisher#subscribeAny} subscribers. Thread safe;
     * concurrent reconfigurations are applied one after the other; calls take no lock (they read the
     * configuration once, from a volatile field).
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @param principal who makes the change, as recorded in the event
     * @return the configuration that was in effect before
     */
    TimeoutConfig reconfigure(TimeoutConfig newConfig, String principal);

    /**
     * {@link #reconfigure(TimeoutConfig, String)} by {@link ConfigChanges#ANONYMOUS}.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @return the configuration that was in effect before
     */
    default TimeoutConfig reconfigure(TimeoutConfig newConfig) {
        return reconfigure(newConfig, ConfigChanges.ANONYMOUS);
    }

    /** @return a copy of the current statistics (allocates one object) */
    TimeoutSnapshot snapshot();

    /** @return the publisher of this timeout's events */
    EventPublisher<TimeoutEvent> events();

    /** Clears the statistics. */
    void reset();

    /**
     * Begins a synchronous call on the calling thread, for pipelines that make the call themselves:
     *
     * <pre>{@code
     * Timeout.Call call = timeout.start();
     * Object result;
     * try {
     *     result = invocation.proceed();
     * } catch (Throwable error) {
     *     throw call.onError(error);
     * }
     * call.onSuccess();
     * return result;
     * }</pre>
     *
     * Exactly one of {@link Call#onSuccess()} and {@link Call#onError(Throwable)} must follow, on the same
     * thread: until then the thread may be interrupted at the deadline and the thread-local deadline stays
     * in place.
     *
     * @return the call
     * @throws TimeoutExceededException at once if an enclosing timeout on this thread has no time left
     */
    Call start();

    /**
     * Runs a callable on the calling thread within the timeout.
     *
     * @param callable the call
     * @param <T> the result type
     * @return the callable's result, if it returned before the deadline
     * @throws TimeoutExceededException if the deadline passed first
     * @throws Exception what the callable threw before the deadline
     */
    <T> T call(Callable<T> callable) throws Exception;

    /**
     * Runs a supplier on the calling thread within the timeout.
     *
     * @param supplier the call
     * @param <T> the result type
     * @return the supplier's result, if it returned before the deadline
     * @throws TimeoutExceededException if the deadline passed first
     */
    <T> T get(Supplier<T> supplier);

    /**
     * Runs a runnable on the calling thread within the timeout.
     *
     * @param runnable the call
     * @throws TimeoutExceededException if the deadline passed first
     */
    void run(Runnable runnable);

    /**
     * Bounds an asynchronous call. The deadline is measured from this method's start, so it includes the
     * time {@code supplier} takes to return its stage. Never throws (SPEC ruling 7): a supplier that
     * throws gives a failed future. A failed stage's {@link java.util.concurrent.CompletionException} is
     * unwrapped. Cancelling the returned future counts as a failure and, with {@code cancel-running},
     * cancels the underlying future.
     *
     * @param supplier starts the call
     * @param <T> the result type
     * @return a future completed with the stage's outcome, or with {@link TimeoutExceededException} at the
     *         deadline
     */
    <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> supplier);

    /**
     * One synchronous call in progress; see {@link Timeout#start()}. Not thread safe: one call, one thread.
     */
    interface Call {

        /**
         * The call returned.
         *
         * @throws TimeoutExceededException if the deadline passed first (the result must be discarded)
         */
        void onSuccess();

        /**
         * The call threw.
         *
         * @param error what it threw
         * @return what the caller must throw: {@code error} if it was thrown before the deadline, otherwise
         *         a {@link TimeoutExceededException} with {@code error} attached as suppressed
         */
        Throwable onError(Throwable error);
    }
}
