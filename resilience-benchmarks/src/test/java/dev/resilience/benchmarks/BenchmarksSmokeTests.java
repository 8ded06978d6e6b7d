package dev.resilience.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark briefly, in this JVM and on two threads, failing on the first error: every set-up
 * works (both Boot applications start) and every tear-down's check holds (closed breakers stayed closed,
 * open ones open, annotated calls went through the breaker, no bulkhead permit was lost).
 */
class BenchmarksSmokeTests {

    @Test
    void everyBenchmarkRunsAndItsChecksHold() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("dev\\.resilience\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .threads(2)
                .shouldFailOnError(true)
                .build()).run();

        List<String> ran = results.stream()
                .map(result -> result.getParams().getBenchmark().replace("dev.resilience.benchmarks.", ""))
                .collect(Collectors.toList());
        assertThat(ran).contains(
                "core.CircuitBreakerClosedBenchmark.ours_countBased",
                "core.CircuitBreakerClosedBenchmark.r4j_countBased",
                "core.CircuitBreakerOpenBenchmark.ours_open",
                "core.BulkheadBenchmark.ours_bulkhead",
                "core.RateLimiterBenchmark.ours_rateLimiter",
                "core.RetryBenchmark.ours_retry",
                "core.ChainBenchmark.ours_chain",
                "spring.SpringCircuitBreakerBenchmark.ours_annotated",
                "spring.SpringCircuitBreakerBenchmark.ours_plain",
                "spring.SpringCircuitBreakerBenchmark.r4j_annotated",
                "spring.SpringCircuitBreakerBenchmark.r4j_plain");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
