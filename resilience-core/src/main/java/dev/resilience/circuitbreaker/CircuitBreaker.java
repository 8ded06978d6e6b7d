package dev.resilience.circuitbreaker;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.Resettable;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventSource;
import dev.resilience.time.TimeSource;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A circuit breaker: it lets calls through while the downstream is healthy, rejects them with
 * {@link CircuitBreakerOpenException} once failures or slow calls reach a threshold, and after a wait
 * lets a few probes through to decide whether to close again.
 *
 * <p>Three ways to use it, all thread safe:
 * <ul>
 * <li>{@link #call(Callable)}, {@link #get(Supplier)}, {@link #run(Runnable)} run code through it;</li>
 * <li>{@link #acquire()} gives a {@link Call} for a try-with-resources block;</li>
 * <li>{@link #acquirePermit()} is the allocation-free hot path the Spring aspect uses: it returns a
 *     {@link Permit} that must receive exactly one outcome.</li>
 * </ul>
 *
 * <pre>{@code
 * CircuitBreaker breaker = CircuitBreaker.of("payments", CircuitBreakerConfig.defaults());
 * String answer = breaker.call(() -> client.charge(order));
 *
 * try (CircuitBreaker.Call call = breaker.acquire()) {
 *     client.charge(order);
 *     call.success();          // leaving the block without an outcome records a failure
 * }
 * }</pre>
 */
public interface CircuitBreaker extends Resettable, EventSource {

    /**
     * Creates a breaker that reads the JVM's clocks.
     *
     * @param name the breaker's name
     * @param config its configuration
     * @return a new breaker, CLOSED
     */
    static CircuitBreaker of(String name, CircuitBreakerConfig config) {
        return of(name, config, TimeSource.system());
    }

    /**
     * Creates a breaker that reads time from the given source.
     *
     * @param name the breaker's name
     * @param config its configuration
     * @param timeSource where time comes from (a {@link dev.resilience.time.ManualClock} in tests)
     * @return a new breaker, CLOSED
     */
    static CircuitBreaker of(String name, CircuitBreakerConfig config, TimeSource timeSource) {
        return new DefaultCircuitBreaker(name, config, timeSource);
    }

    /** @return the name, as shown in the endpoint ({@code name} or {@code name[key]}) */
    String name();

    /** @return the configuration in effect */
    CircuitBreakerConfig config();

    /**
     * Applies a new configuration to this live breaker, keeping its state: an OPEN breaker stays OPEN (its
     * current wait is kept; the new {@code wait-duration-in-open-state} applies from the next opening),
     * HALF_OPEN keeps its probe round (new probe settings apply from the next HALF_OPEN), FORCED_OPEN and
     * DISABLED stay. When the sliding window's type and size are unchanged, a CLOSED breaker keeps its window
     * and judges it by the new thresholds from the next recorded call; when either changes, a CLOSED breaker
     * gets a new empty window (still CLOSED, no transition event) and other states use the new window from
     * their next CLOSED. Statistics are kept. No transition happens during the switch itself, and
     * transitions stay exactly-once. Thread safe; serialized with transitions.
     *
     * A {@link dev.resilience.event.ConfigChangedEvent} with the changed settings (old and new values) and
     * {@code principal} is published to the {@link EventPublisher#subscribeAny} subscribers, after the switch.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @param principal who makes the change, as recorded in the event
     * @return the configuration that was in effect before
     */
    CircuitBreakerConfig reconfigure(CircuitBreakerConfig newConfig, String principal);

    /**
     * {@link #reconfigure(CircuitBreakerConfig, String)} by {@link ConfigChanges#ANONYMOUS}.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @return the configuration that was in effect before
     */
    default CircuitBreakerConfig reconfigure(CircuitBreakerConfig newConfig) {
        return reconfigure(newConfig, ConfigChanges.ANONYMOUS);
    }

    /**
     * The failure-rate threshold in effect, in percent: {@code failure-rate-threshold} unless
     * {@code adaptive.enabled}, in which case it moves by the rule of {@link AdaptiveThresholdConfig}; a
     * {@link #reconfigure} that changes the adaptive settings, {@code failure-rate-threshold} or
     * {@code minimum-number-of-calls} starts it again from {@code failure-rate-threshold}, any other keeps
     * it. Thread safe, O(1).
     *
     * @return the threshold a CLOSED window is judged by
     */
    default float failureRateThreshold() {
        return config().failureRateThreshold();
    }

    /** @return the current state; OPEN stays OPEN until a call arrives after the wait */
    CircuitBreakerState state();

    /** @return a consistent-enough copy of the current statistics (O(1), allocates one object) */
    CircuitBreakerSnapshot snapshot();

    /** @return the publisher of this breaker's events */
    EventPublisher<CircuitBreakerEvent> events();

    /** @return the time source this breaker reads, for callers that measure start times */
    TimeSource timeSource();

    /**
     * Asks to make one call. In CLOSED and DISABLED this never blocks and never allocates; in OPEN it
     * moves to HALF_OPEN once the wait has passed (exactly one caller makes that transition); in HALF_OPEN
     * it takes one of the concurrent probe slots.
     *
     * @return the permit to report the outcome to; never null
     * @throws CircuitBreakerOpenException if the call is not permitted (a NOT_PERMITTED event is published)
     */
    Permit acquirePermit();

    /**
     * Like {@link #acquirePermit()}, and records when the call started.
     *
     * @return a call handle for a try-with-resources block
     * @throws CircuitBreakerOpenException if the call is not permitted
     */
    Call acquire();

    /**
     * Runs a callable through the breaker, recording its outcome.
     *
     * @param callable the call
     * @param <T> the result type
     * @return the callable's result
     * @throws Exception what the callable threw, or {@link CircuitBreakerOpenException}
     */
    <T> T call(Callable<T> callable) throws Exception;

    /**
     * Runs a supplier through the breaker, recording its outcome.
     *
     * @param supplier the call
     * @param <T> the result type
     * @return the supplier's result
     */
    <T> T get(Supplier<T> supplier);

    /**
     * Runs a runnable through the breaker, recording its outcome.
     *
     * @param runnable the call
     */
    void run(Runnable runnable);

    /** Moves to CLOSED with an empty window and the open-wait backoff reset; statistics are cleared. */
    void reset();

    /** Moves to FORCED_OPEN: every call is rejected until {@link #reset()}. */
    void forceOpen();

    /**
     * Moves to DISABLED: every call passes and nothing enters a window, until {@link #reset()}; the
     * cumulative statistics and outcome events still count the calls.
     */
    void disable();

    /**
     * Holds the breaker OPEN on an external signal (an unhealthy health check): from CLOSED, OPEN or
     * HALF_OPEN it moves to OPEN with reason {@link TransitionReason#HEALTH_CHECK} and {@code reason} as the
     * event's detail, and stays OPEN however long the open wait is, until {@link #releaseHold(String)}.
     * Idempotent: while held, a further call changes nothing (the first reason is kept), so a signal
     * repeated on every poll makes exactly one transition. Manual states win: in FORCED_OPEN or DISABLED
     * nothing happens. {@link #reset()}, {@link #forceOpen()} and {@link #disable()} end the hold (the
     * next unhealthy signal holds again). Thread safe; serialized with every other transition, and
     * exactly one of concurrent callers makes the transition. Calls already admitted before the hold
     * complete and are recorded in the cumulative statistics only.
     *
     * @param reason why, shown in the transition event and by {@link #holdReason()}; not null
     * @return {@code true} if this call moved the breaker to the held OPEN state
     * @throws UnsupportedOperationException if this implementation takes no external signal (the default)
     */
    default boolean holdOpen(String reason) {
        throw new UnsupportedOperationException("holdOpen is not supported by " + getClass().getName());
    }

    /**
     * Ends a hold made by {@link #holdOpen(String)} (a healthy signal): the breaker moves to HALF_OPEN at
     * once, with reason {@link TransitionReason#HEALTH_CHECK} and {@code reason} as the event's detail, and
     * its probes decide as usual (a failed probe re-opens it with the first open wait). Does nothing unless
     * the breaker is held, so a healthy signal repeated on every poll makes at most one transition. Thread
     * safe, serialized with every other transition.
     *
     * @param reason why, shown in the transition event; not null
     * @return {@code true} if this call released the hold
     * @throws UnsupportedOperationException if this implementation takes no external signal (the default)
     */
    default boolean releaseHold(String reason) {
        throw new UnsupportedOperationException("releaseHold is not supported by " + getClass().getName());
    }

    /**
     * The reason given to {@link #holdOpen(String)}, while the hold lasts. One volatile read.
     *
     * @return the reason, or {@code null} if the breaker is not held OPEN (the default)
     */
    default String holdReason() {
        return null;
    }

    /**
     * One admitted call's obligation: report exactly one outcome. Permits are shared objects (one per
     * state), so reporting allocates nothing; the outcome goes to the state that admitted the call, and a
     * call admitted by a state the breaker has since left only updates the statistics.
     */
    interface Permit {

        /**
         * The call returned normally.
         *
         * @param startNanos the call's start, read from {@link CircuitBreaker#timeSource()}
         */
        void onSuccess(long startNanos);

        /**
         * The call returned a value that may carry an HTTP status (a {@code ResponseEntity}); a status in
         * {@code failure-status-codes} records a failure, anything else a success.
         *
         * @param startNanos the call's start
         * @param result the returned value, possibly null
         */
        void onResult(long startNanos, Object result);

        /**
         * The call threw. Classified, in this order: ignored exceptions are not recorded; an exception
         * carrying an HTTP status is a failure if the status is in {@code failure-status-codes} and a
         * success otherwise; with {@code record-exceptions} set, only those are failures and the rest
         * successes; otherwise every exception is a failure.
         *
         * @param startNanos the call's start
         * @param error what the call threw
         */
        void onError(long startNanos, Throwable error);

        /**
         * The call ended with an HTTP response whose status the caller read itself (an HTTP client
         * interceptor, say): a status in {@code failure-status-codes} records a failure, any other a success.
         * When that failure opens the breaker (from CLOSED, or a failed HALF_OPEN probe) and
         * {@code openWaitHintNanos} is zero or more, the OPEN state waits that long instead of the
         * configured wait, capped by {@code max-wait-duration-in-open-state}: the downstream said when to
         * come back (an HTTP {@code Retry-After}). A failure that does not open the breaker ignores the hint.
         * Allocation free, like the other outcomes.
         *
         * @param startNanos the call's start
         * @param status the response's HTTP status code
         * @param openWaitHintNanos the wait the downstream asked for, in nanoseconds, or -1 for none
         */
        void onStatus(long startNanos, int status, long openWaitHintNanos);

        /** The call was not made after all: give the permit back and record nothing. */
        void release();
    }

    /**
     * A call in a try-with-resources block. Report {@link #success()} or {@link #failure(Throwable)};
     * closing without either records a failure (an abandoned call). A second outcome throws
     * {@link IllegalStateException}. Not thread safe: one call, one thread.
     */
    interface Call extends AutoCloseable {

        /** Records a success. */
        void success();

        /**
         * Records a throwable, classified as for {@link Permit#onError(long, Throwable)}.
         *
         * @param error what the call threw
         */
        void failure(Throwable error);

        /** Records a failure if no outcome was recorded; otherwise does nothing. */
        @Override
        void close();
    }
}
