package dev.resilience.retry;

import dev.resilience.Resettable;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventSource;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A retry: it calls again after a failure, with backoff, up to {@code max-attempts} (the first call
 * included). When a failure is not retried, the caller gets it with the earlier failures of the same call
 * attached as {@linkplain Throwable#getSuppressed() suppressed}. Never retried: failures outside
 * {@code retry-exceptions}, inside {@code ignore-exceptions}, and {@link RetryConfig#NEVER_RETRIED}
 * (so an open circuit breaker ends the sequence at once, SPEC ruling 8).
 *
 * <p>Three ways to use it, all thread safe:
 * <ul>
 * <li>{@link #call(Callable)}, {@link #get(Supplier)}, {@link #run(Runnable)} and
 *     {@link #call(Object, Object, Attempt)} retry synchronous code; a call whose first attempt succeeds
 *     allocates nothing in the retry (the per-call state is made on the first failure). The wait between attempts never uses {@code Thread.sleep}: the calling thread parks until a task
 *     scheduled on the instance's {@link Scheduler} unparks it, so with a
 *     {@link dev.resilience.time.ManualClock} the wait ends exactly when the test advances the clock
 *     past it. An interrupt during the wait ends the call with its last failure (the interrupt flag
 *     stays set);</li>
 * <li>{@link #callAsync(Supplier)} retries asynchronous code: each retry is a task on the scheduler,
 *     no thread blocks;</li>
 * <li>{@link #start()} gives a per-call {@link Context} that a pipeline drives itself (the Spring
 *     aspect does).</li>
 * </ul>
 *
 * <pre>{@code
 * Retry retry = Retry.of("inventory", RetryConfig.builder().maxAttempts(4).build());
 * Stock stock = retry.call(() -> client.stock(sku));
 * }</pre>
 */
public interface Retry extends Resettable, EventSource {

    /**
     * Creates a retry on the JVM's clocks and the shared timer thread.
     *
     * @param name the instance name
     * @param config its configuration
     * @return a new retry
     */
    static Retry of(String name, RetryConfig config) {
        return of(name, config, TimeSource.system(), Scheduler.system());
    }

    /**
     * Creates a retry whose jitter comes from {@link ThreadLocalRandom}.
     *
     * @param name the instance name
     * @param config its configuration
     * @param timeSource where time comes from
     * @param scheduler where waits between attempts are scheduled
     * @return a new retry
     */
    static Retry of(String name, RetryConfig config, TimeSource timeSource, Scheduler scheduler) {
        return of(name, config, timeSource, scheduler, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Creates a retry with every collaborator given.
     *
     * @param name the instance name
     * @param config its configuration
     * @param timeSource where time comes from
     * @param scheduler where waits between attempts are scheduled
     * @param random the jitter's source of uniform numbers in [0, 1); must be thread safe
     * @return a new retry
     */
    static Retry of(String name, RetryConfig config, TimeSource timeSource, Scheduler scheduler,
            DoubleSupplier random) {
        return new DefaultRetry(name, config, timeSource, scheduler, random);
    }

    /** @return the name, as shown in the endpoint */
    String name();

    /** @return the configuration in effect */
    RetryConfig config();

    /**
     * Applies a new configuration to this live retry. Calls that start after the switch use it; a call in
     * flight keeps the configuration it started with to its end (its attempts, delays, exception
     * classification and time budget). Statistics are kept. The retry budget keeps the counts of its
     * sliding 10 seconds when it stays on (only the ratio and minimum change); switched on, it starts with an
     * empty window; switched off, it is dropped. A {@link dev.resilience.event.ConfigChangedEvent} with the
     * changed settings and {@code principal} is published to the {@link EventPublisher#subscribeAny}
     * subscribers. Thread safe; concurrent reconfigurations are applied one after the other; calls take no
     * lock (they read the configuration once, from a volatile field).
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @param principal who makes the change, as recorded in the event
     * @return the configuration that was in effect before
     */
    RetryConfig reconfigure(RetryConfig newConfig, String principal);

    /**
     * {@link #reconfigure(RetryConfig, String)} by {@link ConfigChanges#ANONYMOUS}.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @return the configuration that was in effect before
     */
    default RetryConfig reconfigure(RetryConfig newConfig) {
        return reconfigure(newConfig, ConfigChanges.ANONYMOUS);
    }

    /** @return a copy of the current statistics (allocates one object) */
    RetrySnapshot snapshot();

    /** @return the publisher of this retry's events */
    EventPublisher<RetryEvent> events();

    /** Clears the statistics and the retry budget's window. */
    void reset();

    /**
     * Begins one call: the first attempt is about to be made. Reads the clock only if
     * {@code max-duration} or the budget needs it; allocates the context and nothing else until a
     * failure happens. Synchronous callers that can hand their attempt over avoid even the context with
     * {@link #call(Object, Object, Attempt)}.
     *
     * @return the call's context, to be given its attempts' outcomes in order
     */
    Context start();

    /**
     * Runs a callable, retrying its failures.
     *
     * @param callable the call, made once per attempt on the calling thread
     * @param <T> the result type
     * @return the first successful result
     * @throws Exception the failure that ended the call, earlier failures attached as suppressed
     */
    <T> T call(Callable<T> callable) throws Exception;

    /**
     * Runs a supplier, retrying its failures.
     *
     * @param supplier the call, made once per attempt on the calling thread
     * @param <T> the result type
     * @return the first successful result
     */
    <T> T get(Supplier<T> supplier);

    /**
     * Runs an attempt that is given its inputs as arguments, retrying its failures, with the same rules
     * and waits as {@link #call(Callable)}. For hot paths: a constant, non-capturing {@code attempt} (a
     * {@code static final} field) and its inputs passed here make a call whose first attempt succeeds
     * allocate nothing, where a lambda capturing them would be a new object per call.
     *
     * <pre>{@code
     * private static final Retry.Attempt<Client, String, Stock, IOException> STOCK = Client::stock;
     * Stock stock = retry.call(client, sku, STOCK);
     * }</pre>
     *
     * @param first the attempt's first input, passed unchanged to every attempt (may be null)
     * @param second its second input (may be null)
     * @param attempt makes one attempt, on the calling thread
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <T> the result type
     * @param <E> the checked failure the attempt may throw
     * @return the first successful result
     * @throws E the failure that ended the call, earlier failures attached as suppressed
     */
    <A, B, T, E extends Throwable> T call(A first, B second, Attempt<A, B, T, E> attempt) throws E;

    /**
     * Runs a runnable, retrying its failures.
     *
     * @param runnable the call, made once per attempt on the calling thread
     */
    void run(Runnable runnable);

    /**
     * Runs an asynchronous call, retrying failed stages. The first attempt is made on the calling thread;
     * each retry is made by a task on the scheduler, so {@code supplier} must return its stage quickly
     * (start the work, do not do it). Never throws (SPEC ruling 7): a supplier that throws counts as a
     * failed attempt. A failed stage's {@link java.util.concurrent.CompletionException} is unwrapped
     * before classification. Cancelling the returned future cancels the attempt in flight and stops the
     * retries.
     *
     * @param supplier starts one attempt
     * @param <T> the result type
     * @return a future completed with the first successful result, or with the failure that ended the call
     */
    <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> supplier);

    /**
     * One attempt of {@link Retry#call(Object, Object, Attempt)}, given its inputs so that it need not
     * capture them.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <T> the result type
     * @param <E> the checked failure it may throw
     */
    @FunctionalInterface
    interface Attempt<A, B, T, E extends Throwable> {

        /**
         * Makes one attempt.
         *
         * @param first the first input given to the call
         * @param second the second input given to the call
         * @return the attempt's result
         * @throws E the attempt's failure
         */
        T make(A first, B second) throws E;
    }

    /**
     * One call's progress through its attempts, for pipelines that make the attempts themselves:
     *
     * <pre>{@code
     * Retry.Context ctx = retry.start();
     * while (true) {
     *     try {
     *         Object result = attempt();
     *         ctx.onSuccess();
     *         return result;
     *     } catch (Throwable failure) {
     *         long delay = ctx.onFailure(failure);
     *         if (delay < 0 || !ctx.awaitRetry(delay)) {
     *             throw failure;          // earlier failures are attached as suppressed
     *         }
     *     }
     * }
     * }</pre>
     *
     * Each attempt gets exactly one outcome, {@link #onSuccess()} or {@link #onFailure(Throwable)}; after
     * a non-negative delay the next attempt is made or {@link #abandon()} is called. Not thread safe:
     * outcomes of one call are reported in order (from any thread, with a happens-before edge between
     * them, as a scheduler or a future's completion gives).
     */
    interface Context {

        /** @return the number of the attempt in progress, 1 for the first */
        int attempt();

        /** The attempt in progress succeeded; the call is over. */
        void onSuccess();

        /**
         * The attempt in progress failed. Decides whether to retry, counts the decision and publishes its
         * event. When the answer is "stop", the call is over and {@code failure} has the earlier failures
         * attached as suppressed: rethrow it.
         *
         * @param failure what the attempt threw (unwrapped from any {@code CompletionException})
         * @return the wait before the next attempt in nanoseconds (0 or more), or -1 to stop
         * @throws IllegalStateException if the call is already over
         */
        long onFailure(Throwable failure);

        /**
         * Like {@link #onFailure(Throwable)}, for a failure that says itself when to try again (an HTTP
         * {@code Retry-After}): a {@code delayHintNanos} of zero or more replaces the backoff delay of this
         * retry. Every other rule stays: the failure must be retryable, attempts and the budget are
         * counted, and with {@code max-duration} set a retry whose wait would end past it is not made.
         * The default ignores the hint; the library's own contexts honour it.
         *
         * @param failure what the attempt threw
         * @param delayHintNanos the wait the failure asks for, in nanoseconds, or -1 to use the backoff
         * @return the wait before the next attempt in nanoseconds (0 or more), or -1 to stop
         * @throws IllegalStateException if the call is already over
         */
        default long onFailure(Throwable failure, long delayHintNanos) {
            return onFailure(failure);
        }

        /**
         * Waits, on the calling thread, for the delay {@link #onFailure(Throwable)} returned, by parking
         * until a task on the scheduler unparks it (no sleep, no busy wait; nothing is scheduled for a
         * zero delay). If the thread is interrupted before or during the wait, the retry is
         * {@linkplain #abandon() abandoned}, the interrupt flag is restored and {@code false} is returned.
         *
         * @param delayNanos the delay to wait
         * @return {@code true} to make the next attempt, {@code false} if the call is over (rethrow the failure)
         */
        boolean awaitRetry(long delayNanos);

        /**
         * The retry announced by the last {@link #onFailure(Throwable)} will not be made (the caller gave up
         * or was interrupted). The call is over and counted as failed with that failure, earlier failures
         * attached as suppressed; the announced retry is no longer counted as made.
         *
         * @return the last failure, to be rethrown
         * @throws IllegalStateException if no retry was announced
         */
        Throwable abandon();
    }
}
