package dev.resilience.benchmarks.core;

import dev.resilience.benchmarks.StandardSettings;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A call rejected by an OPEN circuit breaker (count-based, stack traces off on both sides): the time and
 * the allocation of a fast failure. Our breaker is opened the way production opens it, by recording
 * failures; Resilience4j's by {@code transitionToOpenState()}. Both wait one hour in OPEN, so they stay
 * open for the whole run; the tear-down checks that they did and that the work never ran.
 */
@State(Scope.Benchmark)
public class CircuitBreakerOpenBenchmark extends StandardSettings {

    private final Supplier<String> counted = () -> {
        throw new IllegalStateException("an OPEN breaker let a call through");
    };

    private CircuitBreaker ours;
    private io.github.resilience4j.circuitbreaker.CircuitBreaker r4j;
    private Supplier<String> r4jDecorated;

    /** Opens both breakers. */
    @Setup
    public void setUp() {
        ours = CircuitBreaker.of("open", Configs.ours(true));
        RuntimeException failure = new IllegalStateException("down");
        for (int i = 0; i < Configs.MINIMUM_CALLS; i++) {
            CircuitBreaker.Permit permit = ours.acquirePermit();
            permit.onError(ours.timeSource().nanoTime(), failure);
        }
        r4j = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("open", Configs.r4j(true, false));
        r4j.transitionToOpenState();
        r4jDecorated = r4j.decorateSupplier(counted);
        if (ours.state() != CircuitBreakerState.OPEN) {
            throw new IllegalStateException("our breaker did not open: " + ours.snapshot());
        }
    }

    /** Fails the run if a breaker left OPEN. */
    @TearDown
    public void checkStillOpen() {
        if (ours.state() != CircuitBreakerState.OPEN
                || r4j.getState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN) {
            throw new IllegalStateException("not an open-breaker run: " + ours + " " + r4j);
        }
    }

    /** @return the rejection from our breaker */
    @Benchmark
    public Object ours_open() {
        try {
            return ours.get(counted);
        } catch (CircuitBreakerOpenException rejected) {
            return rejected;
        }
    }

    /** @return the rejection from Resilience4j's breaker */
    @Benchmark
    public Object r4j_open() {
        try {
            return r4jDecorated.get();
        } catch (CallNotPermittedException rejected) {
            return rejected;
        }
    }
}
