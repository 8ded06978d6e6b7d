package dev.resilience.spring.config;

import dev.resilience.bulkhead.AdaptiveLimitAlgorithm;
import java.time.Duration;

/**
 * The keys under {@code resilience.bulkhead.<defaults|presets.x|instances.x>.adaptive}: an adaptive
 * concurrency limit. Field initializers are the built-in defaults (the same as
 * {@link dev.resilience.bulkhead.AdaptiveLimitConfig#DISABLED}); the rules are described there.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class BulkheadAdaptiveSettings {

    /** Whether the concurrency limit adapts to observed latency, within [min-concurrent-calls, max-concurrent-calls], starting at max-concurrent-calls. */
    private boolean enabled = false;

    /** How the limit moves: AIMD (+1 per fast call at high utilisation, times backoff-ratio per slow call) or GRADIENT (follows smallest / recent latency, plus sqrt(limit) headroom). */
    private AdaptiveLimitAlgorithm algorithm = AdaptiveLimitAlgorithm.AIMD;

    /** The lowest the limit may go. At least 1, at most max-concurrent-calls. */
    private int minConcurrentCalls = 1;

    /** AIMD: a call that holds its slot at least this long is slow and lowers the limit. Greater than zero. */
    private Duration latencyThreshold = Duration.ofSeconds(1);

    /** AIMD: the factor a slow call multiplies the limit by (rounded down). In [0.5, 1). */
    private double backoffRatio = 0.9;

    /** GRADIENT: the weight of one call in the recent latency and in the limit's moves. In (0, 1]. */
    private double smoothing = 0.2;

    /** @return whether the limit adapts */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the limit adapts */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the algorithm */
    public AdaptiveLimitAlgorithm getAlgorithm() {
        return algorithm;
    }

    /** @param algorithm the algorithm */
    public void setAlgorithm(AdaptiveLimitAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    /** @return the lowest limit */
    public int getMinConcurrentCalls() {
        return minConcurrentCalls;
    }

    /** @param minConcurrentCalls the lowest limit */
    public void setMinConcurrentCalls(int minConcurrentCalls) {
        this.minConcurrentCalls = minConcurrentCalls;
    }

    /** @return the latency at which a call is slow */
    public Duration getLatencyThreshold() {
        return latencyThreshold;
    }

    /** @param latencyThreshold the latency at which a call is slow */
    public void setLatencyThreshold(Duration latencyThreshold) {
        this.latencyThreshold = latencyThreshold;
    }

    /** @return the factor a slow call multiplies the limit by */
    public double getBackoffRatio() {
        return backoffRatio;
    }

    /** @param backoffRatio the factor a slow call multiplies the limit by */
    public void setBackoffRatio(double backoffRatio) {
        this.backoffRatio = backoffRatio;
    }

    /** @return the weight of one call */
    public double getSmoothing() {
        return smoothing;
    }

    /** @param smoothing the weight of one call */
    public void setSmoothing(double smoothing) {
        this.smoothing = smoothing;
    }
}
