package dev.resilience.benchmarks.core;

import dev.resilience.benchmarks.StandardSettings;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A call through a retry that succeeds at the first attempt (3 attempts allowed): the bookkeeping a retry
 * costs when nothing fails. The tear-down checks that no call was retried.
 */
@State(Scope.Benchmark)
public class RetryBenchmark extends StandardSettings {

    private final Supplier<String> work = new Work();

    private dev.resilience.retry.Retry ours;
    private io.github.resilience4j.retry.Retry r4j;
    private Supplier<String> r4jDecorated;

    /** Creates the retries. */
    @Setup
    public void setUp() {
        ours = dev.resilience.retry.Retry.of("retry", Configs.oursRetry());
        r4j = io.github.resilience4j.retry.Retry.of("retry", Configs.r4jRetry());
        r4jDecorated = io.github.resilience4j.retry.Retry.decorateSupplier(r4j, work);
    }

    /** Fails the run if a call was retried. */
    @TearDown
    public void checkNoRetry() {
        dev.resilience.retry.RetrySnapshot snapshot = ours.snapshot();
        if (snapshot.retries() != 0 || snapshot.calls() != snapshot.successfulWithoutRetry()) {
            throw new IllegalStateException("our retry retried: " + snapshot);
        }
        io.github.resilience4j.retry.Retry.Metrics metrics = r4j.getMetrics();
        if (metrics.getNumberOfSuccessfulCallsWithRetryAttempt() != 0 || metrics.getNumberOfTotalCalls()
                != metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt()) {
            throw new IllegalStateException("Resilience4j retried: " + metrics.getNumberOfTotalCalls());
        }
    }

    /** @return the work, unprotected */
    @Benchmark
    public String baseline() {
        return work.get();
    }

    /** @return the work through our retry */
    @Benchmark
    public String ours_retry() {
        return ours.get(work);
    }

    /** @return the work through Resilience4j's retry */
    @Benchmark
    public String r4j_retry() {
        return r4jDecorated.get();
    }
}
