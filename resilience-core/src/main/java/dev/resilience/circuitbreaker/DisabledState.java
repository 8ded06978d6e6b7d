package dev.resilience.circuitbreaker;

/**
 * DISABLED: every call passes and no outcome enters a window, so the breaker never opens by itself.
 * The cumulative statistics and outcome events still count these calls, so metrics keep describing the
 * traffic while an operator has the breaker disabled.
 */
final class DisabledState extends BreakerState {

    DisabledState(DefaultCircuitBreaker breaker) {
        super(breaker);
    }

    @Override
    CircuitBreakerState kind() {
        return CircuitBreakerState.DISABLED;
    }

    @Override
    BreakerState tryAcquire() {
        return this;
    }

    @Override
    void record(int outcome, long endNanos) {
        // Nothing is recorded while disabled.
    }
}
