package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cumulative call statistics for metrics and the endpoint, since creation or the last reset. Striped
 * {@link LongAdder}s, because every call of every state writes here and plain atomics would make the
 * counters a contention point; reading sums the stripes (O(stripes), bounded by the CPU count).
 * Thread safe. A reset racing with calls may keep some of those calls' counts.
 */
final class CallStatistics {

    private final LongAdder successful = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder successfulNanos = new LongAdder();
    private final LongAdder failedNanos = new LongAdder();
    private final LongAdder ignoredNanos = new LongAdder();
    private final LongAdder slowSuccessful = new LongAdder();
    private final LongAdder slowFailed = new LongAdder();
    private final LongAdder notPermitted = new LongAdder();

    void success(long nanos, boolean slow) {
        successful.increment();
        successfulNanos.add(nanos);
        if (slow) {
            slowSuccessful.increment();
        }
    }

    void failure(long nanos, boolean slow) {
        failed.increment();
        failedNanos.add(nanos);
        if (slow) {
            slowFailed.increment();
        }
    }

    void ignored(long nanos) {
        ignored.increment();
        ignoredNanos.add(nanos);
    }

    void notPermitted() {
        notPermitted.increment();
    }

    void reset() {
        successful.reset();
        failed.reset();
        ignored.reset();
        successfulNanos.reset();
        failedNanos.reset();
        ignoredNanos.reset();
        slowSuccessful.reset();
        slowFailed.reset();
        notPermitted.reset();
    }

    /**
     * Builds a snapshot from these totals and a window reading.
     *
     * @param state the current state
     * @param window the current state's window figures
     * @param minimumCalls calls needed before rates are defined
     * @param remainingWaitNanos time until OPEN lets a probe through
     * @return the snapshot
     */
    CircuitBreakerSnapshot snapshot(CircuitBreakerState state, WindowCounts window, int minimumCalls,
            long remainingWaitNanos) {
        return new CircuitBreakerSnapshot(state,
                window.failureRate(minimumCalls),
                window.slowCallRate(minimumCalls),
                saturate(window.total()),
                saturate(window.failed()),
                saturate(window.slow()),
                notPermitted.sum(),
                successful.sum(),
                failed.sum(),
                ignored.sum(),
                successfulNanos.sum(),
                failedNanos.sum(),
                ignoredNanos.sum(),
                slowSuccessful.sum(),
                slowFailed.sum(),
                Duration.ofNanos(remainingWaitNanos));
    }

    private static int saturate(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
