package dev.resilience.circuitbreaker;

/**
 * The moving failure-rate threshold of one breaker, following the rule of
 * {@link AdaptiveThresholdConfig}: each sample (one filled window) pulls the threshold by
 * {@code smoothing} toward {@code clamp(rate + target, min, max)}. Not thread safe: the breaker feeds it
 * under its transition lock, once per filled window, never per call.
 */
final class AdaptiveThreshold {

    private final AdaptiveThresholdConfig settings;
    private final float start;
    private final int minimumCalls;
    private final double target;
    private final double min;
    private final double max;
    private final double smoothing;
    private double threshold;

    AdaptiveThreshold(CircuitBreakerConfig config) {
        AdaptiveThresholdConfig rule = config.adaptive();
        this.settings = rule;
        this.start = config.failureRateThreshold();
        this.minimumCalls = config.minimumNumberOfCalls();
        this.target = rule.targetErrorRate();
        this.min = rule.minFailureRateThreshold();
        this.max = rule.maxFailureRateThreshold();
        this.smoothing = rule.smoothing();
        this.threshold = clamp(config.failureRateThreshold());
    }

    /**
     * Whether a new configuration keeps this adaptation going: same adaptive settings, same starting
     * {@code failure-rate-threshold}, same {@code minimum-number-of-calls}. A reconfiguration that changes
     * none of them (a refresh re-applying the same values, say) must not throw away what was learnt.
     *
     * @param config the new configuration
     * @return true if the current threshold carries over
     */
    boolean continuesUnder(CircuitBreakerConfig config) {
        return config.adaptive().equals(settings) && config.failureRateThreshold() == start
                && config.minimumNumberOfCalls() == minimumCalls;
    }

    /** @return the current threshold, percent */
    double current() {
        return threshold;
    }

    /**
     * Takes one filled window into account.
     *
     * @param calls calls in the window
     * @param failed failures among them
     * @return the threshold after the sample, in percent (unchanged if the window held fewer than
     *     {@code minimum-number-of-calls} calls)
     */
    double sample(long calls, long failed) {
        if (calls < minimumCalls) {
            return threshold;
        }
        double rate = failed * 100.0 / calls;
        double desired = clamp(rate + target);
        threshold = clamp(threshold + smoothing * (desired - threshold));
        return threshold;
    }

    private double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
