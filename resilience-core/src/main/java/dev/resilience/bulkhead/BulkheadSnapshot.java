package dev.resilience.bulkhead;

import dev.resilience.BulkheadFullException;

/**
 * A copy of one bulkhead's state and statistics at one moment. {@code activeCalls} and
 * {@code queuedCalls} are read together (one atomic read) and are never cleared; the counters count
 * since creation or the last {@link Bulkhead#reset()}.
 *
 * @param activeCalls calls holding a slot now (at most {@code maxConcurrentCalls})
 * @param queuedCalls callers waiting for a slot now (at most {@code maxQueueSize})
 * @param maxConcurrentCalls the configured slot count
 * @param maxQueueSize the configured queue size
 * @param rejectedCalls calls refused, for either reason
 * @param queueFullCalls calls refused with {@link BulkheadFullException.Reason#QUEUE_FULL}
 * @param queueTimeoutCalls calls refused with {@link BulkheadFullException.Reason#QUEUE_TIMEOUT}
 * @param queueWaitCount callers that left the queue (with a slot, timed out or interrupted)
 * @param queueWaitNanos the summed time those callers spent in the queue, in nanoseconds
 */
public record BulkheadSnapshot(
        int activeCalls,
        int queuedCalls,
        int maxConcurrentCalls,
        int maxQueueSize,
        long rejectedCalls,
        long queueFullCalls,
        long queueTimeoutCalls,
        long queueWaitCount,
        long queueWaitNanos) {

    /**
     * The refused calls for one reason.
     *
     * @param reason the reason
     * @return {@link #queueFullCalls()} or {@link #queueTimeoutCalls()}
     */
    public long rejectedCalls(BulkheadFullException.Reason reason) {
        return reason == BulkheadFullException.Reason.QUEUE_FULL ? queueFullCalls : queueTimeoutCalls;
    }
}
