package dev.resilience.spring.config;

/**
 * The keys under {@code resilience.circuitbreaker.<defaults|presets.x|instances.x>.adaptive}: an adaptive
 * failure-rate threshold. Field initializers are the built-in defaults (the same as
 * {@link dev.resilience.circuitbreaker.AdaptiveThresholdConfig#DISABLED}); the rule is described there.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class CircuitBreakerAdaptiveSettings {

    /** Whether the failure-rate threshold adapts: after each full window it moves by smoothing toward the window's failure rate plus target-error-rate, within [min-failure-rate-threshold, max-failure-rate-threshold]. Starts at failure-rate-threshold, which must lie within the bounds. */
    private boolean enabled = false;

    /** Percent: the threshold a breaker whose calls never fail converges to; one whose calls usually fail r percent converges to r plus this. Within [min-failure-rate-threshold, max-failure-rate-threshold]. */
    private float targetErrorRate = 50;

    /** Percent in (0, 100]: the lowest threshold adaptation may reach. */
    private float minFailureRateThreshold = 10;

    /** Percent in (0, 100], at least min-failure-rate-threshold: the highest threshold adaptation may reach. */
    private float maxFailureRateThreshold = 90;

    /** The weight of one full window in (0, 1]: each window moves the threshold this fraction of the way to its desired value. */
    private double smoothing = 0.2;

    /** @return whether the threshold adapts */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the threshold adapts */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the target error rate, percent */
    public float getTargetErrorRate() {
        return targetErrorRate;
    }

    /** @param targetErrorRate the target error rate, percent */
    public void setTargetErrorRate(float targetErrorRate) {
        this.targetErrorRate = targetErrorRate;
    }

    /** @return the lowest threshold, percent */
    public float getMinFailureRateThreshold() {
        return minFailureRateThreshold;
    }

    /** @param minFailureRateThreshold the lowest threshold, percent */
    public void setMinFailureRateThreshold(float minFailureRateThreshold) {
        this.minFailureRateThreshold = minFailureRateThreshold;
    }

    /** @return the highest threshold, percent */
    public float getMaxFailureRateThreshold() {
        return maxFailureRateThreshold;
    }

    /** @param maxFailureRateThreshold the highest threshold, percent */
    public void setMaxFailureRateThreshold(float maxFailureRateThreshold) {
        this.maxFailureRateThreshold = maxFailureRateThreshold;
    }

    /** @return the weight of one window */
    public double getSmoothing() {
        return smoothing;
    }

    /** @param smoothing the weight of one window */
    public void setSmoothing(double smoothing) {
        this.smoothing = smoothing;
    }
}
