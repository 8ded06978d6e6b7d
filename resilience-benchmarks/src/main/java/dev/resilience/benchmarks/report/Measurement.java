package dev.resilience.benchmarks.report;

/**
 * One benchmark's figures from one run.
 *
 * @param nanosPerOp average time per operation and thread, in nanoseconds
 * @param error JMH's 99.9% confidence half-width of {@code nanosPerOp}
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}), NaN without the GC profiler
 * @param bytesError its 99.9% confidence half-width
 * @param cpuPerOp process CPU time per operation ({@code cpu.time.norm}), NaN without {@code CpuTimeProfiler}
 * @param cpuError its 99.9% confidence half-width
 */
public record Measurement(double nanosPerOp, double error, double bytesPerOp, double bytesError, double cpuPerOp,
        double cpuError) {

    /**
     * This measurement minus another, with the errors added in quadrature (independent measurements).
     *
     * @param other what to subtract
     * @return the difference
     */
    public Measurement minus(Measurement other) {
        return new Measurement(nanosPerOp - other.nanosPerOp, Math.hypot(error, other.error),
                bytesPerOp - other.bytesPerOp, Math.hypot(bytesError, other.bytesError),
                cpuPerOp - other.cpuPerOp, Math.hypot(cpuError, other.cpuError));
    }

    /**
     * The ratio of two values with independent errors, to first order.
     *
     * @param a numerator
     * @param aError its error
     * @param b denominator
     * @param bError its error
     * @return {ratio, error}
     */
    public static double[] ratio(double a, double aError, double b, double bError) {
        double ratio = a / b;
        double relative = Math.hypot(aError / a, bError / b);
        return new double[] {ratio, Math.abs(ratio) * relative};
    }
}
