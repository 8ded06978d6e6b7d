package dev.resilience.bulkhead;

/**
 * The state of an adaptive concurrency limit (see {@link AdaptiveLimitConfig} for the rules). Not thread
 * safe: the {@link SlotPool} feeds it under its lock, which also guards every change of the limit, so a
 * reconfiguration and a sample never interleave.
 */
abstract class AdaptiveLimit {

    final int min;
    final int max;
    private final AdaptiveLimitConfig settings;

    AdaptiveLimit(AdaptiveLimitConfig settings, int max) {
        this.settings = settings;
        this.min = settings.minConcurrentCalls();
        this.max = max;
    }

    /**
     * Whether a new configuration keeps this adaptation going: same adaptive settings and same
     * {@code max-concurrent-calls}. A reconfiguration that changes neither (a refresh re-applying the same
     * values, say) must not throw away what was learnt.
     *
     * @param config the new configuration
     * @return true if the current limit carries over
     */
    boolean continuesUnder(BulkheadConfig config) {
        return config.adaptive().equals(settings) && config.maxConcurrentCalls() == max;
    }

    /**
     * Creates the rule the configuration asks for, or none.
     *
     * @param config the bulkhead's configuration
     * @return the rule, starting at {@code max-concurrent-calls}, or null when adaptation is off
     */
    static AdaptiveLimit of(BulkheadConfig config) {
        AdaptiveLimitConfig adaptive = config.adaptive();
        if (!adaptive.enabled()) {
            return null;
        }
        return adaptive.algorithm() == AdaptiveLimitAlgorithm.AIMD
                ? new AimdLimit(adaptive, config.maxConcurrentCalls())
                : new GradientLimit(adaptive, config.maxConcurrentCalls());
    }

    /**
     * Takes one finished call into account.
     *
     * @param latencyNanos the call's time from admission to release
     * @param inFlight calls holding a slot when it finished, itself included
     * @param limit the limit in effect
     * @return the new limit, within [min, max]
     */
    abstract int sample(long latencyNanos, int inFlight, int limit);

    /** AIMD: +1 on a fast call at high utilisation, times {@code backoff-ratio} on a slow call. */
    static final class AimdLimit extends AdaptiveLimit {

        private final long latencyThresholdNanos;
        private final double backoffRatio;

        AimdLimit(AdaptiveLimitConfig config, int max) {
            super(config, max);
            this.latencyThresholdNanos = saturatedNanos(config);
            this.backoffRatio = config.backoffRatio();
        }

        private static long saturatedNanos(AdaptiveLimitConfig config) {
            try {
                return config.latencyThreshold().toNanos();
            } catch (ArithmeticException tooLong) {
                return Long.MAX_VALUE;
            }
        }

        @Override
        int sample(long latencyNanos, int inFlight, int limit) {
            if (latencyNanos >= latencyThresholdNanos) {
                return Math.max(min, (int) (limit * backoffRatio));
            }
            if (inFlight * 2 >= limit) {
                return Math.min(max, limit + 1);
            }
            return limit;
        }
    }

    /** GRADIENT: the estimate follows {@code least / recent} latency plus a headroom of sqrt(estimate). */
    static final class GradientLimit extends AdaptiveLimit {

        /** How far the smallest latency drifts toward the recent one per sample. */
        private static final double LEAST_DRIFT = 0.01;

        private final double smoothing;
        private double estimate;
        private double recent = Double.NaN;
        private double least = Double.NaN;

        GradientLimit(AdaptiveLimitConfig config, int max) {
            super(config, max);
            this.smoothing = config.smoothing();
            this.estimate = max;
        }

        @Override
        int sample(long latencyNanos, int inFlight, int limit) {
            // at least 1 ns, so that a clock that did not move cannot divide by zero
            double latency = Math.max(1, latencyNanos);
            recent = Double.isNaN(recent) ? latency : recent + smoothing * (latency - recent);
            least = Double.isNaN(least) || latency < least ? latency : least + LEAST_DRIFT * (recent - least);
            double gradient = Math.max(0.5, Math.min(1.0, least / recent));
            double target = estimate * gradient + Math.sqrt(estimate);
            if (inFlight * 2 < estimate && target > estimate) {
                target = estimate; // not using what it has: no evidence that more would be fine
            }
            estimate = Math.max(min, Math.min(max, (1 - smoothing) * estimate + smoothing * target));
            return (int) estimate;
        }
    }
}
