package dev.resilience.circuitbreaker;

/**
 * OPEN held by an external signal ({@link CircuitBreaker#holdOpen(String)}): every call is rejected, and
 * unlike {@link OpenState} the open wait never lets a probe through; only
 * {@link CircuitBreaker#releaseHold(String)} (to HALF_OPEN) or a manual action ends it. The hold lives in
 * this state object rather than in a flag of the breaker, so CLOSED's hot path reads nothing more, and a
 * manual transition ends the hold simply by replacing the state.
 *
 * <p>The remaining wait is unknown while held and shows as zero (as in FORCED_OPEN). The window figures
 * are those of the state the hold replaced, so the endpoint still shows the last traffic.
 */
final class HeldOpenState extends BreakerState {

    private final String reason;
    private final WindowCounts heldWith;

    HeldOpenState(DefaultCircuitBreaker breaker, String reason, WindowCounts heldWith) {
        super(breaker);
        this.reason = reason;
        this.heldWith = heldWith;
    }

    /**
     * The state a hold moves to, or {@code null} when the hold changes nothing: already held, or a manual
     * state (FORCED_OPEN, DISABLED), which wins over the signal.
     */
    static BreakerState hold(BreakerState current, String reason, long nowNanos) {
        if (current instanceof HeldOpenState || current instanceof ForcedOpenState || current instanceof DisabledState) {
            return null;
        }
        return new HeldOpenState(current.breaker, reason, current.counts(nowNanos));
    }

    /** The state a release moves to: HALF_OPEN from a held state with the first open wait; otherwise null. */
    static BreakerState release(BreakerState current) {
        return current instanceof HeldOpenState ? new HalfOpenState(current.breaker, current.breaker.firstWaitNanos()) : null;
    }

    /** @return the reason given to the hold */
    String reason() {
        return reason;
    }

    @Override
    CircuitBreakerState kind() {
        return CircuitBreakerState.OPEN;
    }

    @Override
    BreakerState tryAcquire() {
        throw breaker.reject(CircuitBreakerState.OPEN, 0);
    }

    @Override
    void record(int outcome, long endNanos) {
        // A held state admits no call, so no outcome of its own can arrive.
    }

    @Override
    WindowCounts counts(long nowNanos) {
        return heldWith;
    }

    @Override
    public String toString() {
        return "OPEN(held: " + reason + ")";
    }
}
