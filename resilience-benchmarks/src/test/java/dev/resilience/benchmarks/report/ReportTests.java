package dev.resilience.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.benchmarks.memory.HeapFootprint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportTests {

    private static final String CLOSED = "CircuitBreakerClosedBenchmark.";

    private static Measurement nanos(double nanos, double bytes) {
        return new Measurement(nanos, 0.1, bytes, 0.001, nanos, 0.1);
    }

    private static String render(Map<Integer, Map<String, Measurement>> runs, List<HeapFootprint.Row> rows) {
        return new Report(new TreeMap<>(runs), Map.of(), rows).render("# test\n");
    }

    private static Map<String, Measurement> closed(double baseline, double ours, double r4j, double oursBytes) {
        Map<String, Measurement> results = new HashMap<>();
        results.put(CLOSED + "baseline", nanos(baseline, 0));
        results.put(CLOSED + "ours_countBased", nanos(ours, oursBytes));
        results.put(CLOSED + "r4j_countBased", nanos(r4j, 0));
        return results;
    }

    private static String targetLine(String report, String start) {
        return report.lines().filter(line -> line.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void closedBreakerTargetIsMetWhenOursTakesAtMostHalfTheTime() {
        String report = render(Map.of(1, closed(1, 10, 25, 0)), List.of());

        assertThat(targetLine(report, "| circuit breaker CLOSED, count-based (functional), 1 thread"))
                .contains("time ours/R4j 0.40").endsWith("| yes | yes |");
    }

    @Test
    void closedBreakerTargetIsMissedWhenOursTakesMoreThanHalfTheTime() {
        String report = render(Map.of(1, closed(1, 20, 25, 0)), List.of());

        assertThat(targetLine(report, "| circuit breaker CLOSED, count-based (functional), 1 thread"))
                .contains("time ours/R4j 0.80").endsWith("| **no** | **no** |");
    }

    @Test
    void twoThreadTargetComparesThroughput() {
        String report = render(Map.of(2, closed(1, 10, 30, 0)), List.of());

        assertThat(targetLine(report, "| circuit breaker CLOSED, count-based (functional), 2 threads"))
                .contains("×3.00").endsWith("| yes | yes |");
    }

    @Test
    void overheadRatioSubtractsTheBaseline() {
        String report = render(Map.of(1, closed(5, 10, 25, 0)), List.of());

        assertThat(targetLine(report, "| circuit breaker CLOSED, count-based (functional) |"))
                .contains("| 2.50 ± 0.03 | 0.25 ± 0.01 |");
    }

    @Test
    void cpuTimeIsJudgedOnItsOwn() {
        Map<String, Measurement> results = closed(1, 40, 50, 0);
        results.put(CLOSED + "ours_countBased", new Measurement(40, 0.1, 0, 0.001, 10, 0.1));

        String report = render(Map.of(1, results), List.of());

        assertThat(targetLine(report, "| circuit breaker CLOSED, count-based (functional), 1 thread"))
                .contains("(CPU time: 0.20").endsWith("| **no** | yes |");
    }

    @Test
    void anAllocatedObjectIsNotZeroBytes() {
        String zero = render(Map.of(1, closed(1, 10, 25, 0.02)), List.of());
        String sixteen = render(Map.of(1, closed(1, 10, 25, 16)), List.of());

        assertThat(targetLine(zero, "| circuit breaker CLOSED, count-based (functional), 1 thread(s): zero bytes"))
                .contains("0.020 B/op").endsWith("| yes | |");
        assertThat(targetLine(sixteen, "| circuit breaker CLOSED, count-based (functional), 1 thread(s): zero bytes"))
                .contains("16 B/op").endsWith("| **no** | |");
    }

    @Test
    void springOverheadIsTheAnnotatedCallMinusThePlainOne() {
        Map<String, Measurement> results = new HashMap<>();
        results.put("SpringCircuitBreakerBenchmark.ours_annotated", nanos(30, 0));
        results.put("SpringCircuitBreakerBenchmark.ours_plain", nanos(20, 0));
        results.put("SpringCircuitBreakerBenchmark.r4j_annotated", nanos(60, 0));
        results.put("SpringCircuitBreakerBenchmark.r4j_plain", nanos(20, 0));

        String report = render(Map.of(1, results), List.of());

        assertThat(targetLine(report, "| Spring level, 1 thread(s)")).contains("0.25 ±").endsWith("| yes | yes |");
    }

    @Test
    void missingBenchmarksAreShownAndSetNoTarget() {
        Map<String, Measurement> results = closed(1, 10, 25, 0);
        results.remove(CLOSED + "ours_countBased");

        String report = render(Map.of(1, results), List.of());

        assertThat(targetLine(report, "| circuit breaker CLOSED, count-based (functional) |")).contains("| missing |");
        assertThat(report).doesNotContain("| circuit breaker CLOSED, count-based (functional), 1 thread");
    }

    @Test
    void footprintTargetsCompareOursWithResilience4jAndBoundTheKeyedRegistry() {
        List<HeapFootprint.Row> rows = List.of(
                new HeapFootprint.Row("ours: one", 800, 810, 10_000),
                new HeapFootprint.Row("Resilience4j: one", 5000, 5100, 10_000),
                new HeapFootprint.Row("ours: 100,000 keyed breakers", Double.NaN, 1_100, 100_000));

        String report = render(Map.of(), rows);

        assertThat(targetLine(report, "| retained heap per breaker")).contains("= 0.16").endsWith("| yes | |");
        assertThat(targetLine(report, "| 100,000 keyed breakers")).contains("110.0 MB").endsWith("| **no** | |");
    }

    @Test
    void refusedCallsAreFlaggedUnderTheirThreadCount() {
        String report = new Report(new TreeMap<>(Map.of(2, closed(1, 10, 25, 0))),
                Map.of(2, List.of("core.RateLimiterBenchmark.ours_rateLimiter refused 3 calls")), List.of())
                .render("# test\n");

        assertThat(report).contains("**Warning:** core.RateLimiterBenchmark.ours_rateLimiter refused 3 calls.");
        assertThat(report.indexOf("**Warning:**")).isGreaterThan(report.indexOf("## Core level, 2 threads"));
    }
}
