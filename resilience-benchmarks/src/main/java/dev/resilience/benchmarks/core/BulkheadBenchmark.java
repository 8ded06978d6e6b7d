package dev.resilience.benchmarks.core;

import dev.resilience.benchmarks.StandardSettings;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A call through a semaphore bulkhead that always has room (25 concurrent calls, 1 or 2 benchmark threads,
 * no queue): the cost of taking and giving back a permit. The tear-down checks that no call was rejected and
 * every permit came back.
 */
@State(Scope.Benchmark)
public class BulkheadBenchmark extends StandardSettings {

    private final Supplier<String> work = new Work();

    private io.github.resilience4j.bulkhead.Bulkhead r4j;
    private Supplier<String> r4jDecorated;

    /** Creates the bulkheads. */
    @Setup
    public void setUp() {
        r4j = io.github.resilience4j.bulkhead.Bulkhead.of("bulkhead", Configs.r4jBulkhead());
        r4jDecorated = io.github.resilience4j.bulkhead.Bulkhead.decorateSupplier(r4j, work);
    }

    /** Fails the run if a permit is missing. */
    @TearDown
    public void checkAllPermitsBack() {
        if (r4j.getMetrics().getAvailableConcurrentCalls() != Configs.BULKHEAD_CALLS) {
            throw new IllegalStateException("Resilience4j bulkhead lost permits: " + r4j.getMetrics());
        }
    }

    /** @return the work, unprotected */
    @Benchmark
    public String baseline() {
        return work.get();
    }

    /** @return the work through Resilience4j's semaphore bulkhead */
    @Benchmark
    public String r4j_bulkhead() {
        return r4jDecorated.get();
    }
}
