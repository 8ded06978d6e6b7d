package dev.resilience.bulkhead;

import static dev.resilience.ConfigChecks.atLeast;
import static dev.resilience.ConfigChecks.positive;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable settings of an adaptive concurrency limit (keys under {@code adaptive.} in
 * {@code application.yml}). {@link Builder#build()} throws {@link InvalidConfigurationException} naming the
 * property ({@code adaptive.backoff-ratio}, ...) and the bad value. Thread safe.
 *
 * <h2>The rules</h2>
 * With {@code enabled}, the limit starts at {@code max-concurrent-calls} and stays within
 * [{@code min-concurrent-calls}, {@code max-concurrent-calls}]. Each call that held a slot is one sample
 * when it gives the slot back: its latency (from admission to release, read on the bulkhead's clock) and
 * the calls in flight at that moment, itself included. A sample that arrives while another is being
 * applied is skipped (samples are statistics; nobody waits for them).
 * <ul>
 * <li>{@link AdaptiveLimitAlgorithm#AIMD}: a call at or over {@code latency-threshold} sets
 *     {@code limit = max(min, floor(limit x backoff-ratio))}; a faster call that completes while at least
 *     half the limit is in use sets {@code limit = min(max, limit + 1)}; other calls change nothing.</li>
 * <li>{@link AdaptiveLimitAlgorithm#GRADIENT}: {@code recent} is the latency averaged with weight
 *     {@code smoothing}; {@code least} is the smallest latency seen, which drifts 1% of the way toward
 *     {@code recent} per sample so that a lasting change of latency becomes the new normal;
 *     {@code gradient = clamp(least / recent, 0.5, 1)};
 *     {@code estimate = (1 - smoothing) x estimate + smoothing x (estimate x gradient + sqrt(estimate))},
 *     not raised while fewer than half of the estimate are in flight, clamped to [min, max]; the limit is
 *     {@code floor(estimate)}.</li>
 * </ul>
 * A call that times out in an outer timeout layer gives its slot back when the method returns, so it is a
 * slow call once {@code latency-threshold} is below the timeout. The bulkhead's own rejections do not lower
 * the limit: they mean demand is above the limit, and shrinking on them would only refuse more.
 */
public final class AdaptiveLimitConfig {

    /** Adaptation off, with the default rule values. */
    public static final AdaptiveLimitConfig DISABLED = builder().build();

    private final boolean enabled;
    private final AdaptiveLimitAlgorithm algorithm;
    private final int minConcurrentCalls;
    private final Duration latencyThreshold;
    private final double backoffRatio;
    private final double smoothing;

    private AdaptiveLimitConfig(Builder b) {
        this.enabled = b.enabled;
        this.algorithm = b.algorithm;
        this.minConcurrentCalls = b.minConcurrentCalls;
        this.latencyThreshold = b.latencyThreshold;
        this.backoffRatio = b.backoffRatio;
        this.smoothing = b.smoothing;
    }

    /**
     * A builder with the defaults: off, AIMD, min 1, latency threshold 1s, backoff ratio 0.9, smoothing 0.2.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the limit adapts (default false) */
    public boolean enabled() {
        return enabled;
    }

    /** @return the rule that moves the limit (default AIMD) */
    public AdaptiveLimitAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the lowest limit (default 1) */
    public int minConcurrentCalls() {
        return minConcurrentCalls;
    }

    /** @return AIMD: calls at least this long lower the limit (default 1s) */
    public Duration latencyThreshold() {
        return latencyThreshold;
    }

    /** @return AIMD: the factor a slow call multiplies the limit by, in [0.5, 1) (default 0.9) */
    public double backoffRatio() {
        return backoffRatio;
    }

    /** @return GRADIENT: the weight of one sample, in (0, 1] (default 0.2) */
    public double smoothing() {
        return smoothing;
    }

    /**
     * Value equality: same switch, algorithm, minimum, latency threshold, backoff ratio and smoothing.
     *
     * @param other another object
     * @return whether it holds the same settings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AdaptiveLimitConfig that && enabled == that.enabled && algorithm == that.algorithm
                && minConcurrentCalls == that.minConcurrentCalls && latencyThreshold.equals(that.latencyThreshold)
                && Double.compare(backoffRatio, that.backoffRatio) == 0 && Double.compare(smoothing, that.smoothing) == 0;
    }

    /** @return a hash of the same values {@link #equals} compares */
    @Override
    public int hashCode() {
        return Objects.hash(enabled, algorithm, minConcurrentCalls, latencyThreshold, backoffRatio, smoothing);
    }

    void putInto(Map<String, Object> map) {
        map.put("adaptiveEnabled", enabled);
        map.put("adaptiveAlgorithm", algorithm.name());
        map.put("adaptiveMinConcurrentCalls", minConcurrentCalls);
        map.put("adaptiveLatencyThreshold", latencyThreshold);
        map.put("adaptiveBackoffRatio", backoffRatio);
        map.put("adaptiveSmoothing", smoothing);
    }

    /** Collects values; {@link #build()} validates them. Not thread safe. */
    public static final class Builder {

        private boolean enabled;
        private AdaptiveLimitAlgorithm algorithm = AdaptiveLimitAlgorithm.AIMD;
        private int minConcurrentCalls = 1;
        private Duration latencyThreshold = Duration.ofSeconds(1);
        private double backoffRatio = 0.9;
        private double smoothing = 0.2;

        private Builder() {
        }

        /** @param value whether the limit adapts @return this builder */
        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /** @param value AIMD or GRADIENT @return this builder */
        public Builder algorithm(AdaptiveLimitAlgorithm value) {
            algorithm = Objects.requireNonNull(value, "adaptive.algorithm");
            return this;
        }

        /** @param value at least 1, at most max-concurrent-calls @return this builder */
        public Builder minConcurrentCalls(int value) {
            minConcurrentCalls = value;
            return this;
        }

        /** @param value greater than zero @return this builder */
        public Builder latencyThreshold(Duration value) {
            latencyThreshold = value;
            return this;
        }

        /** @param value in [0.5, 1) @return this builder */
        public Builder backoffRatio(double value) {
            backoffRatio = value;
            return this;
        }

        /** @param value in (0, 1] @return this builder */
        public Builder smoothing(double value) {
            smoothing = value;
            return this;
        }

        /**
         * Validates and builds; the values are checked whether or not adaptation is enabled.
         *
         * @return the settings
         * @throws InvalidConfigurationException naming the first bad property and its value
         */
        public AdaptiveLimitConfig build() {
            atLeast("adaptive.min-concurrent-calls", minConcurrentCalls, 1);
            positive("adaptive.latency-threshold", latencyThreshold);
            if (!(backoffRatio >= 0.5 && backoffRatio < 1)) {
                throw new InvalidConfigurationException("adaptive.backoff-ratio", backoffRatio, "must be in [0.5, 1)");
            }
            if (!(smoothing > 0 && smoothing <= 1)) {
                throw new InvalidConfigurationException("adaptive.smoothing", smoothing, "must be in (0, 1]");
            }
            return new AdaptiveLimitConfig(this);
        }
    }
}
