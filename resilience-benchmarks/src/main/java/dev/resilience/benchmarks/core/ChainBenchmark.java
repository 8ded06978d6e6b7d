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
 * A successful call through the composed chain, in this project's order, outermost first: retry, circuit
 * breaker (count-based), rate limiter, bulkhead, the work. Timeouts are left out on both sides: Resilience4j
 * has no synchronous time limiter. Each layer has the configuration of its own benchmark. A call the rate
 * limiter refuses is counted in {@link Refusals}, as in {@link RateLimiterBenchmark}.
 */
@State(Scope.Benchmark)
public class ChainBenchmark extends StandardSettings {

    private final Supplier<String> work = new Work();

    private dev.resilience.circuitbreaker.CircuitBreaker oursBreaker;
    private dev.resilience.bulkhead.Bulkhead oursBulkhead;
    private Supplier<String> oursChain;
    private io.github.resilience4j.circuitbreaker.CircuitBreaker r4jBreaker;
    private Supplier<String> r4jChain;

    /** Builds both chains. */
    @Setup
    public void setUp() {
        oursBulkhead = dev.resilience.bulkhead.Bulkhead.of("chain", Configs.oursBulkhead());
        dev.resilience.ratelimiter.RateLimiter oursLimiter =
                dev.resilience.ratelimiter.RateLimiter.of("chain", Configs.oursRateLimiter());
        oursBreaker = dev.resilience.circuitbreaker.CircuitBreaker.of("chain", Configs.ours(true));
        dev.resilience.retry.Retry oursRetry = dev.resilience.retry.Retry.of("chain", Configs.oursRetry());
        // Each layer is linked once here, as decorating does on the other side: no lambda per call.
        Supplier<String> oursBulkheaded = () -> oursBulkhead.get(work);
        Supplier<String> oursLimited = () -> oursLimiter.get(oursBulkheaded);
        Supplier<String> oursBroken = () -> oursBreaker.get(oursLimited);
        oursChain = () -> oursRetry.get(oursBroken);

        io.github.resilience4j.bulkhead.Bulkhead bulkhead =
                io.github.resilience4j.bulkhead.Bulkhead.of("chain", Configs.r4jBulkhead());
        io.github.resilience4j.ratelimiter.RateLimiter limiter =
                io.github.resilience4j.ratelimiter.RateLimiter.of("chain", Configs.r4jRateLimiter());
        r4jBreaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("chain", Configs.r4j(true, false));
        io.github.resilience4j.retry.Retry retry = io.github.resilience4j.retry.Retry.of("chain", Configs.r4jRetry());
        Supplier<String> bulkheaded = io.github.resilience4j.bulkhead.Bulkhead.decorateSupplier(bulkhead, work);
        Supplier<String> limited =
                io.github.resilience4j.ratelimiter.RateLimiter.decorateSupplier(limiter, bulkheaded);
        Supplier<String> broken = r4jBreaker.decorateSupplier(limited);
        r4jChain = io.github.resilience4j.retry.Retry.decorateSupplier(retry, broken);
    }

    /** Fails the run if a breaker left CLOSED or a bulkhead permit was lost. */
    @TearDown
    public void checkStillClosed() {
        if (oursBreaker.state() != dev.resilience.circuitbreaker.CircuitBreakerState.CLOSED
                || oursBulkhead.snapshot().activeCalls() != 0) {
            throw new IllegalStateException("our chain: " + oursBreaker + " " + oursBulkhead.snapshot());
        }
        if (r4jBreaker.getState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED) {
            throw new IllegalStateException("Resilience4j chain breaker left CLOSED: " + r4jBreaker);
        }
    }

    /** @return the work, unprotected */
    @Benchmark
    public String baseline() {
        return work.get();
    }

    /**
     * @param refusals counts calls the rate limiter refused (it never should)
     * @return the work through our chain, or null if refused
     */
    @Benchmark
    public String ours_chain(Refusals refusals) {
        try {
            return oursChain.get();
        } catch (RateLimitExceededException refused) {
            refusals.refused++;
            return null;
        }
    }

    /**
     * @param refusals counts calls the rate limiter refused (it never should)
     * @return the work through Resilience4j's chain, or null if refused
     */
    @Benchmark
    public String r4j_chain(Refusals refusals) {
        try {
            return r4jChain.get();
        } catch (RequestNotPermitted refused) {
            refusals.refused++;
            return null;
        }
    }
}
