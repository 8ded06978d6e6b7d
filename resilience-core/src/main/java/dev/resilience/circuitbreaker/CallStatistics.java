package dev.resilience.circuitbreaker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cumulative call statistics for metrics and the endpoint, since creation or the last reset. Striped
 * {@link LongAdder}s, because every call of every state writes here and plain atomics would make the
 * counters a contention point; reading sums the stripes (O(stripes), bounded by the CPU count).
 * Thread safe. A reset racing with calls may keep some of those calls' counts.
 *
 * <p>Only the two counters every successful call bumps exist from the start. The other seven (failures,
 * ignored calls, slow calls, rejections) stay null until their first use, because most breakers (think of
 * 100,000 keyed ones) never see most of them and each {@code LongAdder} costs 32 bytes. The first use
 * creates the adder with one compare-and-set on its field (the loser takes the winner's adder, so no count is
 * lost); from then on it is the same striped adder as before, so a busy failure or rejection path is no more
 * contended than it was, and a successful call never touches these fields.
 */
final class CallStatistics {

    private static final VarHandle FAILED;
    private static final VarHandle IGNORED;
    private static final VarHandle FAILED_NANOS;
    private static final VarHandle IGNORED_NANOS;
    private static final VarHandle SLOW_SUCCESSFUL;
    private static final VarHandle SLOW_FAILED;
    private static final VarHandle NOT_PERMITTED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FAILED = lookup.findVarHandle(CallStatistics.class, "failed", LongAdder.class);
            IGNORED = lookup.findVarHandle(CallStatistics.class, "ignored", LongAdder.class);
            FAILED_NANOS = lookup.findVarHandle(CallStatistics.class, "failedNanos", LongAdder.class);
            IGNORED_NANOS = lookup.findVarHandle(CallStatistics.class, "ignoredNanos", LongAdder.class);
            SLOW_SUCCESSFUL = lookup.findVarHandle(CallStatistics.class, "slowSuccessful", LongAdder.class);
            SLOW_FAILED = lookup.findVarHandle(CallStatistics.class, "slowFailed", LongAdder.class);
            NOT_PERMITTED = lookup.findVarHandle(CallStatistics.class, "notPermitted", LongAdder.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LongAdder successful = new LongAdder();
    private final LongAdder successfulNanos = new LongAdder();
    // created on first use, see the class comment; volatile so a reader sees a fully built adder
    private volatile LongAdder failed;
    private volatile LongAdder ignored;
    private volatile LongAdder failedNanos;
    private volatile LongAdder ignoredNanos;
    private volatile LongAdder slowSuccessful;
    private volatile LongAdder slowFailed;
    private volatile LongAdder notPermitted;

    void success(long nanos, boolean slow) {
        successful.increment();
        successfulNanos.add(nanos);
        if (slow) {
            adder(slowSuccessful, SLOW_SUCCESSFUL).increment();
        }
    }

    void failure(long nanos, boolean slow) {
        adder(failed, FAILED).increment();
        adder(failedNanos, FAILED_NANOS).add(nanos);
        if (slow) {
            adder(slowFailed, SLOW_FAILED).increment();
        }
    }

    void ignored(long nanos) {
        adder(ignored, IGNORED).increment();
        adder(ignoredNanos, IGNORED_NANOS).add(nanos);
    }

    void notPermitted() {
        adder(notPermitted, NOT_PERMITTED).increment();
    }

    /**
     * @param current the field's value as just read
     * @param field the field's handle
     * @return the field's adder, created by this call if the field was still null
     */
    private LongAdder adder(LongAdder current, VarHandle field) {
        if (current != null) {
            return current;
        }
        LongAdder created = new LongAdder();
        LongAdder witness = (LongAdder) field.compareAndExchange(this, (LongAdder) null, created);
        return witness == null ? created : witness;
    }

    void reset() {
        successful.reset();
        successfulNanos.reset();
        reset(failed);
        reset(ignored);
        reset(failedNanos);
        reset(ignoredNanos);
        reset(slowSuccessful);
        reset(slowFailed);
        reset(notPermitted);
    }

    private static void reset(LongAdder adder) {
        if (adder != null) {
            adder.reset();
        }
    }

    private static long sum(LongAdder adder) {
        return adder == null ? 0 : adder.sum();
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
                sum(notPermitted),
                successful.sum(),
                sum(failed),
                sum(ignored),
                successfulNanos.sum(),
                sum(failedNanos),
                sum(ignoredNanos),
                sum(slowSuccessful),
                sum(slowFailed),
                Duration.ofNanos(remainingWaitNanos));
    }

    private static int saturate(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
