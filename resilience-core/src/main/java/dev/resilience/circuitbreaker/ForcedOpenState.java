package dev.resilience.circuitbreaker;

/** FORCED_OPEN: every call is rejected, with no remaining wait, until the breaker is reset. */
final class ForcedOpenState extends BreakerState {

    ForcedOpenState(DefaultCircuitBreaker breaker) {
        super(breaker);
    }

    @Override
    CircuitBreakerState kind() {
        return CircuitBreakerState.FORCED_OPEN;
    }

    @Override
    BreakerState tryAcquire() {
        throw breaker.reject(CircuitBreakerState.FORCED_OPEN, 0);
    }

    @Override
    void record(int outcome, long endNanos) {
        // FORCED_OPEN admits no call, so no outcome of its own can arrive.
    }
}
