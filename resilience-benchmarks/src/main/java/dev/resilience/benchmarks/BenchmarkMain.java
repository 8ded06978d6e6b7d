package dev.resilience.benchmarks;

/**
 * The benchmark jar's entry point. Without arguments it runs the whole suite ({@link Suite}: every
 * benchmark at 1 and 2 threads with the GC profiler, then the heap footprint) and prints the report that
 * BENCHMARKS.md is written from. With arguments it is JMH's own command line ({@code -h} lists the options),
 * e.g. {@code java -jar benchmarks.jar CircuitBreakerClosed -t 2 -prof gc}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * @param args none for the suite, or JMH's options
     * @throws Exception if a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            Suite.run();
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }
}
