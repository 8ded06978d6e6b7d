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

    private dev.resilience.bulkhead.Bulkhead ours;
    private io.github.resilience4j.bulkhead.Bulkhead r4j;
    private Supplier<String> r4jDecorated;

    /** Creates the bulkheads. */
    @Setup
    public void setUp() {
        ours = dev.resilience.bulkhead.Bulkhead.of("bulkhead", Configs.oursBulkhead());
        r4j = io.github.resilience4j.bulkhead.Bulkhead.of("bulkhead", Configs.r4jBulkhead());
        r4jDecorated = io.github.resilience4j.bulkhead.Bulkhead.decorateSupplier(r4j, work);
    }

    /** Fails the run if a permit is missing. */
    @TearDown
    public void checkAllPermitsBack() {
        dev.resilience.bulkhead.BulkheadSnapshot snapshot = ours.snapshot();
        if (snapshot.activeCalls() != 0 || snapshot.rejectedCalls() != 0) {
            throw new IllegalStateException("our bulkhead lost permits or rejected: " + snapshot);
        }
        if (r4j.getMetrics().getAvailableConcurrentCalls() != Configs.BULKHEAD_CALLS) {
            throw new IllegalStateException("Resilience4j bulkhead lost permits: " + r4j.getMetrics());
        }
    }

    /** @return the work, unprotected */
    @Benchmark
    public String baseline() {
        return work.get();
    }

    /** @return the work through our bulkhead */
    @Benchmark
    public String ours_bulkhead() {
        return ours.get(work);
    }

    /** @return the work through Resilience4j's semaphore bulkhead */
    @Benchmark
    public String r4j_bulkhead() {
        return r4jDecorated.get();
    }
}
