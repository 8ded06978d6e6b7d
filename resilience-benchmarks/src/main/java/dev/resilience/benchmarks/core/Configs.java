package dev.resilience.benchmarks.core;

import java.time.Duration;

/**
 * The one place where both libraries are configured for the benchmarks, side by side, so that a reader can
 * check that they are asked to do the same work. Each pair differs only where the libraries have no common
 * setting; everything not set here is the library's own default.
 *
 * <p>Circuit breakers: a window of 100 calls (or 60 seconds), at least 10 calls before a rate counts, a
 * failure-rate threshold of 50%, one hour in OPEN (so an opened breaker stays open for the whole run) and
 * no stack trace on rejections. Resilience4j's default window synchronization is {@code SYNCHRONIZED};
 * its {@code LOCK_FREE} variant is measured as well, as a second reference.
 */
public final class Configs {

    /** Count-based window size, in calls. */
    public static final int COUNT_WINDOW = 100;
    /** Time-based window size, in seconds. */
    public static final int TIME_WINDOW_SECONDS = 60;
    /** Calls before the failure rate counts. */
    public static final int MINIMUM_CALLS = 10;
    /** Failure-rate threshold, in percent. */
    public static final float FAILURE_RATE = 50f;
    /** Long enough for an OPEN breaker to stay open for a whole benchmark. */
    public static final Duration OPEN_WAIT = Duration.ofHours(1);
    /** Concurrent calls of the bulkheads: far above the benchmark's 1 or 2 threads, so never full. */
    public static final int BULKHEAD_CALLS = 25;
    /** Rate-limiter permits per period: more than any run can use, so the limit is never reached. */
    public static final int RATE_LIMIT = 1_000_000_000;
    /** Rate-limiter refresh period. */
    public static final Duration RATE_PERIOD = Duration.ofSeconds(1);
    /** Attempts of the retries, the first included (the work never fails, so one is made). */
    public static final int RETRY_ATTEMPTS = 3;

    private Configs() {
    }

    /**
     * Our circuit-breaker configuration.
     *
     * @param countBased {@code true} for a count-based window, {@code false} for a time-based one
     * @return the configuration
     */
    public static dev.resilience.circuitbreaker.CircuitBreakerConfig ours(boolean countBased) {
        return dev.resilience.circuitbreaker.CircuitBreakerConfig.builder()
                .slidingWindowType(countBased
                        ? dev.resilience.circuitbreaker.SlidingWindowType.COUNT_BASED
                        : dev.resilience.circuitbreaker.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(countBased ? COUNT_WINDOW : TIME_WINDOW_SECONDS)
                .minimumNumberOfCalls(MINIMUM_CALLS)
                .failureRateThreshold(FAILURE_RATE)
                .waitDurationInOpenState(OPEN_WAIT)
                .maxWaitDurationInOpenState(OPEN_WAIT)
                .writableStackTrace(false)
                .build();
    }

    /**
     * Resilience4j's circuit-breaker configuration.
     *
     * @param countBased {@code true} for a count-based window, {@code false} for a time-based one
     * @param lockFree {@code true} for the {@code LOCK_FREE} window, {@code false} for the default
     *     {@code SYNCHRONIZED} one
     * @return the configuration
     */
    public static io.github.resilience4j.circuitbreaker.CircuitBreakerConfig r4j(boolean countBased,
            boolean lockFree) {
        io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType type = countBased
                ? io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.COUNT_BASED
                : io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.TIME_BASED;
        io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy sync = lockFree
                ? io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE
                : io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.SYNCHRONIZED;
        return io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                .slidingWindow(countBased ? COUNT_WINDOW : TIME_WINDOW_SECONDS, MINIMUM_CALLS, type, sync)
                .failureRateThreshold(FAILURE_RATE)
                .waitDurationInOpenState(OPEN_WAIT)
                .writableStackTraceEnabled(false)
                .build();
    }

    /** @return our bulkhead configuration: 25 concurrent calls, no queue */
    public static dev.resilience.bulkhead.BulkheadConfig oursBulkhead() {
        return dev.resilience.bulkhead.BulkheadConfig.builder()
                .maxConcurrentCalls(BULKHEAD_CALLS)
                .maxQueueSize(0)
                .maxWaitDuration(Duration.ZERO)
                .writableStackTrace(false)
                .build();
    }

    /** @return our rate-limiter configuration: a limit that is never reached, no waiting */
    public static dev.resilience.ratelimiter.RateLimiterConfig oursRateLimiter() {
        return dev.resilience.ratelimiter.RateLimiterConfig.builder()
                .limitForPeriod(RATE_LIMIT)
                .limitRefreshPeriod(RATE_PERIOD)
                .timeoutDuration(Duration.ZERO)
                .writableStackTrace(false)
                .build();
    }

    /** @return Resilience4j's semaphore-bulkhead configuration: 25 concurrent calls, no waiting */
    public static io.github.resilience4j.bulkhead.BulkheadConfig r4jBulkhead() {
        return io.github.resilience4j.bulkhead.BulkheadConfig.custom()
                .maxConcurrentCalls(BULKHEAD_CALLS)
                .maxWaitDuration(Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build();
    }

    /** @return Resilience4j's rate-limiter configuration: a limit that is never reached, no waiting */
    public static io.github.resilience4j.ratelimiter.RateLimiterConfig r4jRateLimiter() {
        return io.github.resilience4j.ratelimiter.RateLimiterConfig.custom()
                .limitForPeriod(RATE_LIMIT)
                .limitRefreshPeriod(RATE_PERIOD)
                .timeoutDuration(Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build();
    }

    /** @return our retry configuration: 3 attempts, 500 ms apart (never used: no call fails) */
    public static dev.resilience.retry.RetryConfig oursRetry() {
        return dev.resilience.retry.RetryConfig.builder()
                .maxAttempts(RETRY_ATTEMPTS)
                .waitDuration(Duration.ofMillis(500))
                .build();
    }

    /** @return Resilience4j's retry configuration: 3 attempts, 500 ms apart (never used: no call fails) */
    public static io.github.resilience4j.retry.RetryConfig r4jRetry() {
        return io.github.resilience4j.retry.RetryConfig.custom()
                .maxAttempts(RETRY_ATTEMPTS)
                .waitDuration(Duration.ofMillis(500))
                .build();
    }
}
