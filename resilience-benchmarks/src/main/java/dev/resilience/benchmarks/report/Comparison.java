package dev.resilience.benchmarks.report;

/**
 * One row of the report: our benchmark against Resilience4j's, with the plain-call benchmark both are
 * measured against. Benchmark names are {@code SimpleClassName.method}.
 *
 * @param pattern what is measured, as the report shows it
 * @param ours our benchmark
 * @param r4j Resilience4j's benchmark
 * @param baseline the unprotected call the overheads are taken from
 * @param speedTarget whether the speed target (half the time at 1 thread, twice the throughput at
 *     2 threads, or half the overhead at the Spring level) applies to this row
 * @param zeroAllocationTarget whether our side must allocate nothing per call
 */
public record Comparison(String pattern, String ours, String r4j, String baseline, boolean speedTarget,
        boolean zeroAllocationTarget) {
}
