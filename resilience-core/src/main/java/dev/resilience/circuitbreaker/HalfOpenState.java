package dev.resilience.circuitbreaker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * HALF_OPEN: at most {@code permitted-calls-in-half-open-state} probes run at once; a probe's slot comes
 * back when its outcome arrives or it is released. {@code success-threshold} successful probes close the
 * breaker; any failed probe re-opens it with the backed-off wait (ruling 4). A slow successful probe is
 * a success here; slow calls count against the rate again once CLOSED.
 */
final class HalfOpenState extends BreakerState {

    private final long previousWaitNanos;
    private final int permittedProbes;
    private final int successThreshold;
    private final AtomicInteger probesInFlight = new AtomicInteger();
    private final AtomicInteger successes = new AtomicInteger();
    private final AtomicInteger slowSuccesses = new AtomicInteger();

    HalfOpenState(DefaultCircuitBreaker breaker, long previousWaitNanos) {
        super(breaker);
        this.previousWaitNanos = previousWaitNanos;
        this.permittedProbes = breaker.config().permittedCallsInHalfOpenState();
        this.successThreshold = breaker.config().successThreshold();
    }

    @Override
    CircuitBreakerState kind() {
        return CircuitBreakerState.HALF_OPEN;
    }

    @Override
    BreakerState tryAcquire() {
        // A CAS loop rather than increment-then-check, so the slot count never exceeds the limit even briefly.
        while (true) {
            int inFlight = probesInFlight.get();
            if (inFlight >= permittedProbes) {
                throw breaker.reject(CircuitBreakerState.HALF_OPEN, 0);
            }
            if (probesInFlight.compareAndSet(inFlight, inFlight + 1)) {
                return this;
            }
        }
    }

    @Override
    void record(int outcome, long endNanos) {
        record(outcome, endNanos, -1);
    }

    @Override
    void record(int outcome, long endNanos, long openWaitHintNanos) {
        probesInFlight.decrementAndGet();
        if ((outcome & SlidingWindow.FAILED) != 0) {
            WindowCounts probes = new WindowCounts(successes.get() + 1L, 1,
                    slowSuccesses.get() + ((outcome & SlidingWindow.SLOW) != 0 ? 1L : 0L));
            breaker.transition(this, new OpenState(breaker, endNanos, openWaitHintNanos >= 0
                    ? breaker.hintedWaitNanos(openWaitHintNanos) : breaker.nextWaitNanos(previousWaitNanos), probes),
                    TransitionReason.PROBE_FAILED);
            return;
        }
        if ((outcome & SlidingWindow.SLOW) != 0) {
            slowSuccesses.incrementAndGet();
        }
        // Only the probe that reaches the threshold builds the CLOSED state (and its window).
        if (successes.incrementAndGet() == successThreshold) {
            breaker.transition(this, new ClosedState(breaker), TransitionReason.PROBES_SUCCEEDED);
        }
    }

    @Override
    void giveBack() {
        probesInFlight.decrementAndGet();
    }

    @Override
    WindowCounts counts(long nowNanos) {
        return new WindowCounts(successes.get(), 0, slowSuccesses.get());
    }
}
