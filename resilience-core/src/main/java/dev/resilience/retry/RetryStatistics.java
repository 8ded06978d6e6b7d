package dev.resilience.retry;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link RetrySnapshot}. {@link LongAdder}s because every call ends in one of them
 * from many threads at once, and contention on a single atomic would serialise them; reads are rare.
 * A snapshot taken while calls end is not one atomic cut across the counters, and {@link #reset()}
 * racing with calls may keep a few of their counts; both are fine for monitoring.
 */
final class RetryStatistics {

    private final LongAdder successfulWithoutRetry = new LongAdder();
    private final LongAdder successfulWithRetry = new LongAdder();
    private final LongAdder failedWithoutRetry = new LongAdder();
    private final LongAdder failedWithRetry = new LongAdder();
    private final LongAdder retries = new LongAdder();

    void succeeded(int attempts) {
        (attempts == 1 ? successfulWithoutRetry : successfulWithRetry).increment();
    }

    void failed(int attempts) {
        (attempts == 1 ? failedWithoutRetry : failedWithRetry).increment();
    }

    void retried() {
        retries.increment();
    }

    void retryWithdrawn() {
        retries.decrement();
    }

    RetrySnapshot snapshot() {
        return new RetrySnapshot(successfulWithoutRetry.sum(), successfulWithRetry.sum(), failedWithoutRetry.sum(),
                failedWithRetry.sum(), retries.sum());
    }

    void reset() {
        successfulWithoutRetry.reset();
        successfulWithRetry.reset();
        failedWithoutRetry.reset();
        failedWithRetry.reset();
        retries.reset();
    }
}
