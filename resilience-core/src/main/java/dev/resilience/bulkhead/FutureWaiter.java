package dev.resilience.bulkhead;

import dev.resilience.BulkheadFullException;
import dev.resilience.bulkhead.Bulkhead.Permit;
import java.util.concurrent.CompletableFuture;

/**
 * A caller of {@link Bulkhead#acquirePermitAsync()} waiting for a slot without a thread: admission
 * completes its future with the permit, a timeout completes it with {@code QUEUE_TIMEOUT}. The future's
 * dependents run on the thread that delivers the outcome (the releasing caller or the scheduler).
 */
final class FutureWaiter extends Waiter {

    final CompletableFuture<Permit> future = new CompletableFuture<>();
    private final DefaultBulkhead bulkhead;

    FutureWaiter(DefaultBulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    @Override
    void admit() {
        Permit permit = bulkhead.permit();
        if (!future.complete(permit)) {
            // The caller cancelled the future after the slot was handed over: nobody will release it.
            permit.release();
        }
    }

    @Override
    void timeOut() {
        BulkheadFullException.Reason reason = BulkheadFullException.Reason.QUEUE_TIMEOUT;
        // Counted only if the caller gets it: a caller who cancelled meanwhile sees its cancellation instead.
        if (future.completeExceptionally(bulkhead.rejection(reason))) {
            bulkhead.recordRejection(reason);
        }
    }
}
