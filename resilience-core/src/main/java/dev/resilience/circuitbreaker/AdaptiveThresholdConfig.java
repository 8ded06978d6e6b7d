package dev.resilience.circuitbreaker;

import static dev.resilience.ConfigChecks.percentage;

import dev.resilience.InvalidConfigurationException;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable settings of a breaker's adaptive failure-rate threshold (keys under {@code adaptive.} in
 * {@code application.yml}). Built with {@link #builder()}; {@link Builder#build()} throws
 * {@link InvalidConfigurationException} naming the property ({@code adaptive.target-error-rate}, ...) and
 * the bad value. Thread safe.
 *
 * <h2>The rule</h2>
 * With {@code enabled}, the threshold starts at {@code failure-rate-threshold}. Each time the CLOSED
 * window has filled with calls it has not reported yet (every {@code sliding-window-size} calls of a
 * COUNT_BASED window, every {@code sliding-window-size} seconds of a TIME_BASED one, counted from its
 * first call) and holds at least {@code minimum-number-of-calls} calls, its failure rate {@code r}
 * (percent) is one sample, and
 * <pre>
 *   desired   = clamp(r + target-error-rate, min-failure-rate-threshold, max-failure-rate-threshold)
 *   threshold = threshold + smoothing x (desired - threshold)
 * </pre>
 * So a service that never fails converges to {@code target-error-rate}; one that usually fails
 * {@code r} percent of its calls converges to {@code r + target-error-rate} (it opens on that much
 * <em>more</em> than usual); the threshold never leaves {@code [min, max]}, moves at most
 * {@code smoothing x (max - min)} per sample, and without calls it does not move. A window that opens the
 * breaker is never sampled, so an outage does not drag the threshold up. A window that fills while a
 * transition or reconfiguration of the breaker is in progress is not sampled either.
 */
public final class AdaptiveThresholdConfig {

    /** Adaptation off, with the default rule values. */
    public static final AdaptiveThresholdConfig DISABLED = builder().build();

    private final boolean enabled;
    private final float targetErrorRate;
    private final float minFailureRateThreshold;
    private final float maxFailureRateThreshold;
    private final double smoothing;

    private AdaptiveThresholdConfig(Builder b) {
        this.enabled = b.enabled;
        this.targetErrorRate = b.targetErrorRate;
        this.minFailureRateThreshold = b.minFailureRateThreshold;
        this.maxFailureRateThreshold = b.maxFailureRateThreshold;
        this.smoothing = b.smoothing;
    }

    /**
     * A builder with the defaults: off, target 50, bounds [10, 90], smoothing 0.2.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the threshold adapts (default false) */
    public boolean enabled() {
        return enabled;
    }

    /** @return percent: the threshold a service without failures converges to (default 50) */
    public float targetErrorRate() {
        return targetErrorRate;
    }

    /** @return percent: the lowest threshold (default 10) */
    public float minFailureRateThreshold() {
        return minFailureRateThreshold;
    }

    /** @return percent: the highest threshold (default 90) */
    public float maxFailureRateThreshold() {
        return maxFailureRateThreshold;
    }

    /** @return the weight of one sample, in (0, 1] (default 0.2) */
    public double smoothing() {
        return smoothing;
    }

    /**
     * Value equality: same switch, target, bounds and smoothing.
     *
     * @param other another object
     * @return whether it holds the same settings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AdaptiveThresholdConfig that && enabled == that.enabled
                && Float.compare(targetErrorRate, that.targetErrorRate) == 0
                && Float.compare(minFailureRateThreshold, that.minFailureRateThreshold) == 0
                && Float.compare(maxFailureRateThreshold, that.maxFailureRateThreshold) == 0
                && Double.compare(smoothing, that.smoothing) == 0;
    }

    /** @return a hash of the same values {@link #equals} compares */
    @Override
    public int hashCode() {
        return Objects.hash(enabled, targetErrorRate, minFailureRateThreshold, maxFailureRateThreshold, smoothing);
    }

    void putInto(Map<String, Object> map) {
        map.put("adaptiveEnabled", enabled);
        map.put("adaptiveTargetErrorRate", targetErrorRate);
        map.put("adaptiveMinFailureRateThreshold", minFailureRateThreshold);
        map.put("adaptiveMaxFailureRateThreshold", maxFailureRateThreshold);
        map.put("adaptiveSmoothing", smoothing);
    }

    /** Collects values; {@link #build()} validates them. Not thread safe. */
    public static final class Builder {

        private boolean enabled;
        private float targetErrorRate = 50;
        private float minFailureRateThreshold = 10;
        private float maxFailureRateThreshold = 90;
        private double smoothing = 0.2;

        private Builder() {
        }

        /** @param value whether the threshold adapts @return this builder */
        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /** @param value percent in [min, max] @return this builder */
        public Builder targetErrorRate(float value) {
            targetErrorRate = value;
            return this;
        }

        /** @param value percent in (0, 100] @return this builder */
        public Builder minFailureRateThreshold(float value) {
            minFailureRateThreshold = value;
            return this;
        }

        /** @param value percent in [min, 100] @return this builder */
        public Builder maxFailureRateThreshold(float value) {
            maxFailureRateThreshold = value;
            return this;
        }

        /** @param value in (0, 1] @return this builder */
        public Builder smoothing(double value) {
            smoothing = value;
            return this;
        }

        /**
         * Validates and builds: {@code 0 < min <= target <= max <= 100}, smoothing in (0, 1]. The values
         * are checked whether or not adaptation is enabled.
         *
         * @return the settings
         * @throws InvalidConfigurationException naming the first bad property and its value
         */
        public AdaptiveThresholdConfig build() {
            percentage("adaptive.min-failure-rate-threshold", minFailureRateThreshold);
            percentage("adaptive.max-failure-rate-threshold", maxFailureRateThreshold);
            percentage("adaptive.target-error-rate", targetErrorRate);
            if (maxFailureRateThreshold < minFailureRateThreshold) {
                throw new InvalidConfigurationException("adaptive.max-failure-rate-threshold", maxFailureRateThreshold,
                        "must be at least adaptive.min-failure-rate-threshold (" + minFailureRateThreshold + ")");
            }
            if (targetErrorRate < minFailureRateThreshold || targetErrorRate > maxFailureRateThreshold) {
                throw new InvalidConfigurationException("adaptive.target-error-rate", targetErrorRate,
                        "must be within adaptive.min-failure-rate-threshold (" + minFailureRateThreshold
                                + ") and adaptive.max-failure-rate-threshold (" + maxFailureRateThreshold + ")");
            }
            if (!(smoothing > 0 && smoothing <= 1)) {
                throw new InvalidConfigurationException("adaptive.smoothing", smoothing, "must be in (0, 1]");
            }
            return new AdaptiveThresholdConfig(this);
        }
    }
}
