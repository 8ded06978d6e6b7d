package dev.resilience.retry;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The retry budget of one instance: over a sliding window of the last 10 seconds, retries may not
 * exceed {@code ratio × first attempts + minRetriesPerSecond × 10}. It stops a retry storm: when a
 * downstream fails for everyone, retries add at most {@code ratio} to the load instead of multiplying it
 * by {@code max-attempts}.
 *
 * <h2>Algorithm</h2>
 * The window is 10 buckets of one second each, indexed by {@code second % 10}. Each bucket is one
 * {@code long} packing the second it belongs to (24 bits), the first attempts (20 bits) and the retries
 * (20 bits) counted in it, so that rolling a bucket over to a new second and counting in it is a single
 * CAS, without a lock. A bucket whose second is not one of the last 10 counts as empty. Counters saturate
 * at about a million per second, which only makes the budget stricter on an instance busier than that.
 * The second stamp wraps after 194 days; a bucket untouched for exactly that long could be misread for
 * one second, which is harmless. An empty bucket counts nothing whatever second it is stamped with, so
 * all-zero buckets need no initialisation.
 *
 * <p>Taking a retry is exact under concurrency: the CAS that counts the retry in the current bucket
 * fails if the bucket changed since the budget was checked against it, and the other nine buckets hold
 * past seconds, which no longer change.
 */
final class RetryBudget {

    private static final int BUCKETS = 10;
    private static final int COUNT_BITS = 20;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final long SECOND_MASK = (1L << (64 - 2 * COUNT_BITS)) - 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratio;
    private final double minRetriesInWindow;
    private final long originNanos;
    private final AtomicLongArray buckets;

    RetryBudget(double ratio, double minRetriesPerSecond, long originNanos) {
        this(ratio, minRetriesPerSecond, originNanos, new AtomicLongArray(BUCKETS));
    }

    private RetryBudget(double ratio, double minRetriesPerSecond, long originNanos, AtomicLongArray buckets) {
        this.ratio = ratio;
        this.minRetriesInWindow = minRetriesPerSecond * BUCKETS;
        this.originNanos = originNanos;
        this.buckets = buckets;
    }

    /**
     * A budget with other limits over the same counts: what it takes changes, the window does not. Both
     * budgets count into the same buckets, so a call still holding the old one is counted too.
     */
    RetryBudget withLimits(double newRatio, double newMinRetriesPerSecond) {
        return new RetryBudget(newRatio, newMinRetriesPerSecond, originNanos, buckets);
    }

    /**
     * Counts a call's first attempt.
     *
     * @param nowNanos the current time from the instance's time source
     */
    void recordFirstAttempt(long nowNanos) {
        long second = second(nowNanos);
        int index = (int) (second % BUCKETS);
        while (true) {
            long raw = buckets.get(index);
            long bucket = current(raw, second);
            long next = firsts(bucket) == COUNT_MASK ? bucket : bucket + (1L << COUNT_BITS);
            if (buckets.compareAndSet(index, raw, next)) {
                return;
            }
        }
    }

    /**
     * Takes one retry from the budget if it has room.
     *
     * @param nowNanos the current time from the instance's time source
     * @return {@code true} if the retry may be made (and is now counted)
     */
    boolean tryAcquireRetry(long nowNanos) {
        long second = second(nowNanos);
        int index = (int) (second % BUCKETS);
        long pastFirsts = 0;
        long pastRetries = 0;
        for (int back = 1; back < BUCKETS && back <= second; back++) {
            long past = second - back;
            long bucket = buckets.get((int) (past % BUCKETS));
            if (secondOf(bucket) == (past & SECOND_MASK)) {
                pastFirsts += firsts(bucket);
                pastRetries += retries(bucket);
            }
        }
        while (true) {
            long raw = buckets.get(index);
            long bucket = current(raw, second);
            long retries = pastRetries + retries(bucket);
            if (retries + 1 > ratio * (pastFirsts + firsts(bucket)) + minRetriesInWindow
                    || retries(bucket) == COUNT_MASK) {
                return false;
            }
            if (buckets.compareAndSet(index, raw, bucket + 1)) {
                return true;
            }
        }
    }

    /** Forgets every count. */
    void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets.set(i, 0L);
        }
    }

    private long second(long nowNanos) {
        return Math.floorDiv(nowNanos - originNanos, NANOS_PER_SECOND);
    }

    /** The bucket as it counts for {@code second}: itself if it is that second's, else an empty one. */
    private static long current(long bucket, long second) {
        long stamped = second & SECOND_MASK;
        return secondOf(bucket) == stamped ? bucket : stamp(stamped);
    }

    private static long stamp(long second) {
        return (second & SECOND_MASK) << (2 * COUNT_BITS);
    }

    private static long secondOf(long bucket) {
        return bucket >>> (2 * COUNT_BITS);
    }

    private static long firsts(long bucket) {
        return (bucket >>> COUNT_BITS) & COUNT_MASK;
    }

    private static long retries(long bucket) {
        return bucket & COUNT_MASK;
    }
}
