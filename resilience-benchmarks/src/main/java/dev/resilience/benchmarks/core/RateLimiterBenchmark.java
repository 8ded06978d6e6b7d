package dev.resilience.benchmarks.core;

import dev.resilience.benchmarks.StandardSettings;
import dev.resilience.RateLimitExceededException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A call through a rate limiter whose limit is never reached (10^9 permits per second): the cost of taking
 * a permit. A refused call is counted in {@link Refusals} (the report flags it: it can only be a bug); the
 * tear-down checks that permits are still left.
 */
@State(Scope.Benchmark)
public class RateLimiterBenchmark extends StandardSettings {

    private final Supplier<String> work = new Work();

    private dev.resilience.ratelimiter.RateLimiter ours;
    private io.github.resilience4j.ratelimiter.RateLimiter r4j;
    private Supplier<String> r4jDecorated;

    /** Creates the rate limiters. */
    @Setup
    public void setUp() {
        ours = dev.resilience.ratelimiter.RateLimiter.of("limiter", Configs.oursRateLimiter());
        r4j = io.github.resilience4j.ratelimiter.RateLimiter.of("limiter", Configs.r4jRateLimiter());
        r4jDecorated = io.github.resilience4j.ratelimiter.RateLimiter.decorateSupplier(r4j, work);
    }

    /** Fails the run if the limit was reached. */
    @TearDown
    public void checkLimitNotReached() {
        dev.resilience.ratelimiter.RateLimiterSnapshot snapshot = ours.snapshot();
        if (snapshot.availablePermits() <= 0) {
            throw new IllegalStateException("our rate limiter reached its limit: " + snapshot);
        }
        if (r4j.getMetrics().getAvailablePermissions() <= 0) {
            throw new IllegalStateException("Resilience4j rate limiter ran out of permits");
        }
    }

    /** @return the work, unprotected */
    @Benchmark
    public String baseline() {
        return work.get();
    }

    /**
     * @param refusals counts refused calls
     * @return the work through our rate limiter, or null if refused
     */
    @Benchmark
    public String ours_rateLimiter(Refusals refusals) {
        try {
            return ours.get(work);
        } catch (RateLimitExceededException refused) {
            refusals.refused++;
            return null;
        }
    }

    /**
     * @param refusals counts refused calls
     * @return the work through Resilience4j's rate limiter, or null if refused
     */
    @Benchmark
    public String r4j_rateLimiter(Refusals refusals) {
        try {
            return r4jDecorated.get();
        } catch (RequestNotPermitted refused) {
            refusals.refused++;
            return null;
        }
    }
}
