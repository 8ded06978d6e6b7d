package dev.resilience.ratelimiter;

import dev.resilience.RateLimitExceededException;
import dev.resilience.Resettable;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventSource;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A fixed-window rate limiter: at most {@code limit-for-period} calls start in each
 * {@code limit-refresh-period}, a caller may wait up to {@code timeout-duration} for a permit of a later
 * period, and anyone else is refused with {@link RateLimitExceededException} carrying how long until a
 * permit is expected to be free.
 *
 * <p>Algorithm: fixed windows aligned to the limiter's creation (or to the boundary where a
 * {@link #reconfigure(RateLimiterConfig, String) reconfiguration} took effect). Period {@code k} is
 * {@code [created + k * period, created + (k + 1) * period)} on the injected {@link TimeSource}; each period
 * has exactly {@code limit-for-period} permits, permits a period does not use are lost, and no period ever
 * admits more than {@code limit-for-period} calls, waiting callers included. Bursts: the windows are fixed,
 * so up to {@code 2 * limit-for-period} calls can start within less than one period across a boundary
 * (the last moments of one period and the first of the next). Within a period there is no smoothing: the
 * whole limit may start at once.
 *
 * <p>Waiting: a caller whose permit lies in a later period reserves it at once if the wait until that
 * period starts is at most {@code timeout-duration}; otherwise it is refused at once (it never waits only
 * to be refused). Reservations are served in the order they were made. The wait itself is a task on the
 * injected {@link Scheduler}, never a timed park or a sleep: with a {@link dev.resilience.time.ManualClock}
 * the caller proceeds when the test moves time to its period. A blocked caller that is interrupted stops
 * waiting, keeps its interrupt flag, and is refused with {@link RateLimitExceededException} (counted and
 * published like any refusal); its reserved permit is forfeited, which can only lower that period's count.
 *
 * <p>Thread safe. A call that gets a permit at once is lock free and allocation free: one clock read and one
 * CAS.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.of("search", RateLimiterConfig.builder().limitForPeriod(10).build());
 * Results results = limiter.call(() -> client.search(query));
 * }</pre>
 */
public interface RateLimiter extends Resettable, EventSource {

    /**
     * Creates a rate limiter on the JVM's clocks and the shared system scheduler; its first period starts
     * now.
     *
     * @param name the limiter's name ({@code name} or {@code name[key]})
     * @param config its configuration
     * @return a new rate limiter with a full first period
     */
    static RateLimiter of(String name, RateLimiterConfig config) {
        return of(name, config, TimeSource.system(), Scheduler.system());
    }

    /**
     * Creates a rate limiter that reads time from {@code timeSource} and ends waits through
     * {@code scheduler}; its first period starts at {@code timeSource.nanoTime()}.
     *
     * @param name the limiter's name ({@code name} or {@code name[key]})
     * @param config its configuration
     * @param timeSource where time comes from (a {@link dev.resilience.time.ManualClock} in tests)
     * @param scheduler wakes waiting callers (the same {@code ManualClock} in tests)
     * @return a new rate limiter with a full first period
     */
    static RateLimiter of(String name, RateLimiterConfig config, TimeSource timeSource, Scheduler scheduler) {
        return new DefaultRateLimiter(name, config, timeSource, scheduler);
    }

    /** @return the name, as shown in the endpoint ({@code name} or {@code name[key]}) */
    String name();

    /** @return the configuration in effect */
    RateLimiterConfig config();

    /**
     * Applies a new configuration to this live limiter, keeping its statistics and every permit already
     * granted or reserved.
     *
     * <p>A new {@code limit-for-period} or {@code limit-refresh-period} takes effect at a period boundary,
     * never inside a period: from the end of the current period, or, when callers are waiting for permits
     * reserved in later periods, from the end of the last period holding such a reservation. Until then the
     * old period and limit apply: a raised limit grants its extra permits from that boundary on, and a
     * lowered one still grants the rest of the old limit in the current period. From the boundary, periods
     * have the new length (aligned to the boundary) and the new limit. So every period is governed by exactly
     * one configuration and never admits more than that configuration's limit (hence never more than the
     * larger of the two), and waiting callers keep the start time they were promised.
     *
     * <p>A new {@code timeout-duration} applies to callers that ask after the switch; callers already
     * waiting keep their reservation. {@code writable-stack-trace} applies to refusals from the switch on;
     * {@code max-keys} belongs to the registry, which this method does not touch. A
     * {@link dev.resilience.event.ConfigChangedEvent} with the changed settings and {@code principal} is
     * published to the {@link EventPublisher#subscribeAny} subscribers.
     *
     * <p>Thread safe and lock free for callers: a caller racing the switch is redirected to the new window
     * without waiting for the reconfiguring thread. Concurrent reconfigurations are applied one after the
     * other.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @param principal who makes the change, as recorded in the event
     * @return the configuration that was in effect before
     */
    RateLimiterConfig reconfigure(RateLimiterConfig newConfig, String principal);

    /**
     * {@link #reconfigure(RateLimiterConfig, String)} by {@link ConfigChanges#ANONYMOUS}.
     *
     * @param newConfig the configuration to apply (already validated by its builder)
     * @return the configuration that was in effect before
     */
    default RateLimiterConfig reconfigure(RateLimiterConfig newConfig) {
        return reconfigure(newConfig, ConfigChanges.ANONYMOUS);
    }

    /** @return a copy of the current state and statistics (allocates one object) */
    RateLimiterSnapshot snapshot();

    /** @return the publisher of this limiter's events (rejections) */
    EventPublisher<RateLimiterEvent> events();

    /** @return the time source this limiter reads */
    TimeSource timeSource();

    /**
     * Takes a permit, blocking until its period starts if it lies within {@code timeout-duration}. With a
     * permit free now this never blocks and never allocates.
     *
     * @throws RateLimitExceededException if no permit can be had within the timeout (a REJECTED event is
     *         published), or after an interrupt while waiting, with the interrupt flag set
     */
    void acquirePermit();

    /**
     * Takes a permit without blocking a thread. With a permit free now the returned stage is already
     * complete (one shared stage: no allocation); with a permit reserved in a later period it completes when
     * that period starts, on the scheduler's thread; otherwise it fails with
     * {@link RateLimitExceededException}. It never throws. Cancelling the stage's
     * {@link java.util.concurrent.CompletableFuture} forfeits the reserved permit.
     *
     * @return a stage that completes (with {@code null}) once the caller may start
     */
    CompletionStage<Void> acquirePermitAsync();

    /**
     * Runs a callable once a permit is had.
     *
     * @param callable the call
     * @param <T> the result type
     * @return the callable's result
     * @throws Exception what the callable threw, or {@link RateLimitExceededException}
     */
    <T> T call(Callable<T> callable) throws Exception;

    /**
     * Runs a supplier once a permit is had.
     *
     * @param supplier the call
     * @param <T> the result type
     * @return the supplier's result
     */
    <T> T get(Supplier<T> supplier);

    /**
     * Runs a runnable once a permit is had.
     *
     * @param runnable the call
     */
    void run(Runnable runnable);

    /**
     * Starts an asynchronous call once a permit is had (see {@link #acquirePermitAsync()}). Never throws: a
     * refusal, or an exception from {@code supplier}, fails the returned stage.
     *
     * @param supplier starts the call; runs on the caller's thread when a permit is free now, else on the
     *        scheduler's thread when the reserved period starts, so hand long work to an executor
     * @param <T> the result type
     * @return a stage with the call's outcome
     */
    <T> CompletionStage<T> callAsync(Supplier<? extends CompletionStage<T>> supplier);

    /**
     * Clears the statistics (permitted and rejected calls). Permits are untouched: a reset never lets more
     * than {@code limit-for-period} calls start in one period, and waiting callers keep their reservations.
     */
    void reset();
}
