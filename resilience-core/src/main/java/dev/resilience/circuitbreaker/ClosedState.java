package dev.resilience.circuitbreaker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * CLOSED: every call passes and its outcome goes into a fresh sliding window. After each record, a
 * window holding at least {@code minimum-number-of-calls} whose failure rate or slow-call rate is at or
 * above its threshold opens the breaker; so do {@code consecutive-failure-threshold} failures in a row.
 * The hot path (a successful call) takes no lock and allocates nothing.
 */
final class ClosedState extends BreakerState implements WindowTurns {

    private final SlidingWindow window;
    private volatile int consecutiveFailureThreshold;
    /** Failures in a row; only written by a success when non-zero, to keep the cache line shared. */
    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    ClosedState(DefaultCircuitBreaker breaker) {
        super(breaker);
        this.window = SlidingWindow.create(breaker.config(), breaker.thresholds, this);
        this.consecutiveFailureThreshold = breaker.config().consecutiveFailureThreshold();
    }

    @Override
    void reconfigured() {
        window.thresholds(breaker.thresholds);
        consecutiveFailureThreshold = breaker.config().consecutiveFailureThreshold();
    }

    @Override
    public void turned(long calls, long failed) {
        breaker.windowTurned(this, calls, failed);
    }

    @Override
    CircuitBreakerState kind() {
        return CircuitBreakerState.CLOSED;
    }

    @Override
    BreakerState tryAcquire() {
        return this;
    }

    @Override
    void record(int outcome, long endNanos) {
        record(outcome, endNanos, -1);
    }

    @Override
    void record(int outcome, long endNanos, long openWaitHintNanos) {
        TransitionReason reason = window.record(outcome, endNanos);
        if (reason == null && consecutiveFailureThreshold > 0) {
            if ((outcome & SlidingWindow.FAILED) != 0) {
                if (consecutiveFailures.incrementAndGet() >= consecutiveFailureThreshold) {
                    reason = TransitionReason.CONSECUTIVE_FAILURES;
                }
            } else if (consecutiveFailures.get() != 0) {
                consecutiveFailures.set(0);
            }
        }
        if (reason != null) {
            breaker.transition(this,
                    new OpenState(breaker, endNanos,
                    openWaitHintNanos >= 0 ? breaker.hintedWaitNanos(openWaitHintNanos) : breaker.firstWaitNanos(),
                    window.counts(endNanos)), reason);
        }
    }

    @Override
    WindowCounts counts(long nowNanos) {
        return window.counts(nowNanos);
    }
}
