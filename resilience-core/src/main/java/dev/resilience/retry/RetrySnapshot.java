package dev.resilience.retry;

/**
 * A copy of one retry's statistics at one moment, counted since creation or the last reset. Every call
 * that ended is in exactly one of the four outcome counters.
 *
 * @param successfulWithoutRetry calls that succeeded on the first attempt
 * @param successfulWithRetry calls that succeeded after at least one retry
 * @param failedWithoutRetry calls that failed on the first attempt and were not retried
 * @param failedWithRetry calls that failed after at least one retry
 * @param retries retries made (a failure followed by a successful retry counts 1; SPEC ruling 9)
 */
public record RetrySnapshot(
        long successfulWithoutRetry,
        long successfulWithRetry,
        long failedWithoutRetry,
        long failedWithRetry,
        long retries) {

    /**
     * Calls that ended, whatever their outcome.
     *
     * @return the sum of the four outcome counters
     */
    public long calls() {
        return successfulWithoutRetry + successfulWithRetry + failedWithoutRetry + failedWithRetry;
    }
}
