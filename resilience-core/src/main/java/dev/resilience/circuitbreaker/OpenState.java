package dev.resilience.circuitbreaker;

/**
 * OPEN: every call is rejected until the wait has passed; the first call after it moves the breaker to
 * HALF_OPEN (one compare-and-set: exactly one caller makes the transition) and then asks that state for
 * a probe slot. No timer thread is involved, so {@link CircuitBreaker#state()} shows OPEN until a call
 * arrives after the wait; the snapshot's remaining wait is zero by then.
 *
 * <p>The state keeps the figures of the window that opened it, so that the endpoint and the gauges show
 * why the breaker is open; it records nothing itself.
 */
final class OpenState extends BreakerState {

    private final long openedAtNanos;
    private final long waitNanos;
    private final WindowCounts openedWith;

    OpenState(DefaultCircuitBreaker breaker, long openedAtNanos, long waitNanos, WindowCounts openedWith) {
        super(breaker);
        this.openedAtNanos = openedAtNanos;
        this.waitNanos = waitNanos;
        this.openedWith = openedWith;
    }

    @Override
    CircuitBreakerState kind() {
        return CircuitBreakerState.OPEN;
    }

    @Override
    BreakerState tryAcquire() {
        long remaining = remainingWaitNanos(breaker.timeSource().nanoTime());
        if (remaining > 0) {
            throw breaker.reject(CircuitBreakerState.OPEN, remaining);
        }
        breaker.transition(this, new HalfOpenState(breaker, waitNanos), TransitionReason.WAIT_ELAPSED);
        return null;
    }

    @Override
    void record(int outcome, long endNanos) {
        // OPEN admits no call, so no outcome of its own can arrive.
    }

    @Override
    WindowCounts counts(long nowNanos) {
        return openedWith;
    }

    @Override
    long remainingWaitNanos(long nowNanos) {
        // Subtract elapsed time instead of comparing deadlines: nanoTime values may overflow, differences do not.
        return Math.max(0, waitNanos - (nowNanos - openedAtNanos));
    }
}
