package dev.resilience.benchmarks.report;

import java.util.List;

/** The comparisons the report makes, in the order it shows them. */
public final class Comparisons {

    private static final String CLOSED = "CircuitBreakerClosedBenchmark.";
    private static final String SPRING = "SpringCircuitBreakerBenchmark.";

    private Comparisons() {
    }

    /** @return the core-level comparisons */
    public static List<Comparison> core() {
        return List.of(
                new Comparison("circuit breaker CLOSED, count-based (functional)", CLOSED + "ours_countBased",
                        CLOSED + "r4j_countBased", CLOSED + "baseline", true, true),
                new Comparison("circuit breaker CLOSED, count-based, vs R4j LOCK_FREE", CLOSED + "ours_countBased",
                        CLOSED + "r4j_countBased_lockFree", CLOSED + "baseline", false, true),
                new Comparison("experiment: ours with a cached clock vs R4j, count-based",
                        CLOSED + "ours_countBased_cachedClock", CLOSED + "r4j_countBased", CLOSED + "baseline",
                        false, false),
                new Comparison("circuit breaker CLOSED, count-based (permit protocol)",
                        CLOSED + "ours_countBased_permit", CLOSED + "r4j_countBased_permit", CLOSED + "baseline",
                        true, true),
                new Comparison("circuit breaker CLOSED, time-based (functional)", CLOSED + "ours_timeBased",
                        CLOSED + "r4j_timeBased", CLOSED + "baseline", true, true),
                new Comparison("circuit breaker CLOSED, time-based, vs R4j LOCK_FREE", CLOSED + "ours_timeBased",
                        CLOSED + "r4j_timeBased_lockFree", CLOSED + "baseline", false, true),
                new Comparison("circuit breaker OPEN (rejection, no stack trace)",
                        "CircuitBreakerOpenBenchmark.ours_open", "CircuitBreakerOpenBenchmark.r4j_open",
                        CLOSED + "baseline", false, false),
                new Comparison("semaphore bulkhead, uncontended", "BulkheadBenchmark.ours_bulkhead",
                        "BulkheadBenchmark.r4j_bulkhead", "BulkheadBenchmark.baseline", false, true),
                new Comparison("retry, success at first attempt", "RetryBenchmark.ours_retry",
                        "RetryBenchmark.r4j_retry", "RetryBenchmark.baseline", false, false),
                new Comparison("rate limiter, limit never reached", "RateLimiterBenchmark.ours_rateLimiter",
                        "RateLimiterBenchmark.r4j_rateLimiter", "RateLimiterBenchmark.baseline", false, false),
                new Comparison("chain: retry, breaker, rate limiter, bulkhead", "ChainBenchmark.ours_chain",
                        "ChainBenchmark.r4j_chain", "ChainBenchmark.baseline", true, false));
    }

    /** @return the Spring-level comparisons; the baseline is each library's own unannotated method */
    public static List<Comparison> spring() {
        return List.of(new Comparison("@CircuitBreaker on a bean method (Boot app, CLOSED)",
                SPRING + "ours_annotated", SPRING + "r4j_annotated", null, true, false));
    }

    /**
     * The unannotated twin of a Spring-level benchmark.
     *
     * @param annotated an {@code *_annotated} benchmark
     * @return the matching {@code *_plain} benchmark
     */
    public static String plainOf(String annotated) {
        return annotated.replace("_annotated", "_plain");
    }
}
