package dev.resilience.spring.aop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Runs the rest of an asynchronous pipeline once a pattern has admitted the call, without blocking a
 * thread: used by the layers whose admission is itself a stage (bulkhead slot, rate limiter permit).
 *
 * <p>Guarantees, whatever thread completes what:
 * <ul>
 * <li>a refused admission fails the returned future with the pattern's exception itself (not wrapped),
 *     and the rest of the pipeline never runs;</li>
 * <li>{@code release} runs exactly once per admission: when the inner future completes, normally, with a
 *     failure or by cancellation, and always before the returned future completes, so a caller who sees
 *     the outcome also sees the slot back; or at once if the returned future was cancelled before the
 *     admission arrived (the call then never starts);</li>
 * <li>cancelling the returned future (an outer timeout does) cancels a pending admission, which leaves
 *     the queue, or the inner future once the call has started.</li>
 * </ul>
 */
final class Admission {

    private Admission() {
    }

    /**
     * @param admission completes with the permit when the call may start, or fails with the rejection
     * @param invocation the call
     * @param next the rest of the pipeline
     * @param release gives the permit back; a no-op for permits that are spent rather than held
     * @param <P> the permit type
     * @return the future the caller receives
     */
    static <P> CompletableFuture<Object> thenRun(CompletionStage<P> admission, MethodInvocation invocation,
            AsyncChain next, Consumer<? super P> release) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        CompletableFuture<P> admitted = admission.toCompletableFuture();
        admitted.whenComplete((permit, refusal) -> {
            if (refusal != null) {
                result.completeExceptionally(refusal);
                return;
            }
            if (result.isDone()) {
                // cancelled while waiting: the permit arrived anyway and must not be kept
                release.accept(permit);
                return;
            }
            CompletableFuture<?> inner = next.proceed(invocation);
            inner.whenComplete((value, failure) -> {
                release.accept(permit);
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
            result.whenComplete((value, failure) -> {
                if (result.isCancelled()) {
                    inner.cancel(true);
                }
            });
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                admitted.cancel(false);
            }
        });
        return result;
    }
}
