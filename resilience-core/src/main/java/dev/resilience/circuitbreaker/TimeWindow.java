package dev.resilience.circuitbreaker;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outcomes of the last {@code size} seconds (the current, partial second included), with an O(1)
 * reading.
 *
 * <p>One bucket per second (calls, failed, slow), reused round-robin, plus running aggregates of all
 * buckets. The common path adds to the current second's bucket and to the aggregates with plain
 * atomics. Moving to a new second (at most once per second) evicts the buckets of the seconds that left
 * the window, subtracting what they held from the aggregates. Every bucket change is mirrored in the
 * aggregates by the same thread, so at quiescence the aggregates equal the sum of the buckets exactly.
 *
 * <p>Time is the call's end-time reading the breaker already made; the window reads no clock itself.
 * A bucket holds one second of calls, which fits an int; the aggregates can exceed 2^31 over a long
 * window and are longs.
 */
final class TimeWindow implements SlidingWindow {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NONE = Long.MIN_VALUE;

    private final int size;
    private final WindowTurns turns;
    /** The newest second of the last window reported to {@link #turns}; written under {@link #rollover}. */
    private long reportedSecond = NONE;
    // replaced only by CircuitBreaker.reconfigure: the next evaluation uses the new rules on the same counts
    private volatile RateThresholds thresholds;
    /** Three ints per bucket: calls, failed, slow. */
    private final AtomicIntegerArray buckets;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong slow = new AtomicLong();
    /**
     * The newest second the buckets describe ({@link #NONE} before the first call). Written only under
     * {@link #rollover}, after the evictions, so a thread that reads the new second never adds to a
     * bucket that is still being cleared.
     */
    private volatile long currentSecond = NONE;
    /**
     * Taken only to move to a new second: one thread evicts each passing second exactly once, and
     * threads whose call ended in the new second wait (briefly, once per second) instead of adding to a
     * bucket that is about to be cleared. A lock-free version would need a "rolling" marker and spinning.
     */
    private final Object rollover = new Object();

    TimeWindow(int size, RateThresholds thresholds, WindowTurns turns) {
        this.size = size;
        this.turns = turns;
        this.thresholds = thresholds;
        this.buckets = new AtomicIntegerArray(3 * size);
    }

    @Override
    public void thresholds(RateThresholds newThresholds) {
        this.thresholds = newThresholds;
    }

    @Override
    public TransitionReason record(int outcome, long nowNanos) {
        long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        long current = currentSecond;
        if (second > current) {
            rollTo(second);
        } else if (second <= current - size) {
            // The call ended before the window's oldest second (its end-time reading lost a race with
            // a later rollover): it is already outside the window.
            return read(thresholds);
        }
        int base = 3 * (int) Math.floorMod(second, (long) size);
        buckets.getAndIncrement(base);
        total.incrementAndGet();
        if ((outcome & FAILED) != 0) {
            buckets.getAndIncrement(base + 1);
            failed.incrementAndGet();
        }
        if ((outcome & SLOW) != 0) {
            buckets.getAndIncrement(base + 2);
            slow.incrementAndGet();
        }
        return read(thresholds);
    }

    @Override
    public WindowCounts counts(long nowNanos) {
        long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        if (second > currentSecond) {
            rollTo(second);
        }
        long failures = failed.get();
        long slowCalls = slow.get();
        long calls = Math.max(0, total.get());
        return new WindowCounts(calls, clamp(failures, calls), clamp(slowCalls, calls));
    }

    /**
     * Evaluates the thresholds on the aggregates. Writers add to {@code total} before {@code failed} and
     * {@code slow}, and evictions subtract in the opposite order, so reading {@code failed} and
     * {@code slow} BEFORE {@code total} never sees more failures than calls (reading total first could,
     * if this thread is descheduled while others record failures). The clamp covers the one remaining
     * race, a bucket written while it is evicted after a long silence.
     */
    private TransitionReason read(RateThresholds rules) {
        long failures = failed.get();
        long slowCalls = slow.get();
        long calls = total.get();
        return rules.evaluate(calls, clamp(failures, calls), clamp(slowCalls, calls));
    }

    private static long clamp(long value, long max) {
        return Math.max(0, Math.min(max, value));
    }

    private void rollTo(long second) {
        long reportCalls = -1;
        long reportFailed = 0;
        synchronized (rollover) {
            long current = currentSecond;
            if (current != NONE && second <= current) {
                return;
            }
            if (current == NONE) {
                reportedSecond = second - 1;
            } else if (current - reportedSecond >= size) {
                // Every second now in the window came after the last report: report it before it is evicted
                // (once per window length at most), in read()'s order.
                reportFailed = failed.get();
                reportCalls = total.get();
                reportedSecond = current;
            }
            long passed = current == NONE || second - current >= size ? size : second - current;
            for (long s = second - passed + 1; s <= second; s++) {
                evict(3 * (int) Math.floorMod(s, (long) size));
            }
            currentSecond = second;
        }
        if (reportCalls >= 0) {
            // outside the rollover lock: the listener takes the breaker's transition lock
            turns.turned(reportCalls, clamp(reportFailed, reportCalls));
        }
    }

    private void evict(int base) {
        int calls = buckets.getAndSet(base, 0);
        int failures = buckets.getAndSet(base + 1, 0);
        int slowCalls = buckets.getAndSet(base + 2, 0);
        // Failures and slow calls leave before the calls they belong to: see read().
        if (failures != 0) {
            failed.addAndGet(-failures);
        }
        if (slowCalls != 0) {
            slow.addAndGet(-slowCalls);
        }
        if (calls != 0) {
            total.addAndGet(-calls);
        }
    }
}
