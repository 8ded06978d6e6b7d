package dev.resilience.circuitbreaker;

/**
 * The rate rules of the CLOSED state, resolved once from the configuration: once a window holds at least
 * {@code minimum-number-of-calls}, a failure rate or slow-call rate at or above its threshold opens the
 * breaker (ruling 1: {@code >=}). Immutable.
 */
final class RateThresholds {

    private final int minimumCalls;
    private final double failureRateThreshold;
    private final double slowCallRateThreshold;

    RateThresholds(CircuitBreakerConfig config) {
        this.minimumCalls = config.minimumNumberOfCalls();
        this.failureRateThreshold = config.failureRateThreshold();
        this.slowCallRateThreshold = config.slowCallRateThreshold();
    }

    private RateThresholds(RateThresholds base, double failureRateThreshold) {
        this.minimumCalls = base.minimumCalls;
        this.failureRateThreshold = failureRateThreshold;
        this.slowCallRateThreshold = base.slowCallRateThreshold;
    }

    /**
     * The same rules with another failure-rate threshold (an adaptive breaker's new value).
     *
     * @param newThreshold percent
     * @return new rules
     */
    RateThresholds withFailureRateThreshold(double newThreshold) {
        return new RateThresholds(this, newThreshold);
    }

    /** @return the failure-rate threshold in effect, in percent */
    double failureRateThreshold() {
        return failureRateThreshold;
    }

    /**
     * Decides whether a window reading opens the breaker. Compares {@code part * 100 >= threshold * total}
     * in doubles, so no division and no rounding of the rate itself.
     *
     * @param total calls in the window
     * @param failed failures in the window
     * @param slow slow calls in the window
     * @return why the breaker opens, or null if it stays closed
     */
    TransitionReason evaluate(long total, long failed, long slow) {
        if (total < minimumCalls) {
            return null;
        }
        if (failed * 100.0 >= failureRateThreshold * total) {
            return TransitionReason.FAILURE_RATE;
        }
        if (slow * 100.0 >= slowCallRateThreshold * total) {
            return TransitionReason.SLOW_CALL_RATE;
        }
        return null;
    }

    /** @return calls a window must hold before rates are defined */
    int minimumCalls() {
        return minimumCalls;
    }
}
