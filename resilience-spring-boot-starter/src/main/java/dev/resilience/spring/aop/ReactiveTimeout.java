package dev.resilience.spring.aop;

import dev.resilience.TimeoutExceededException;
import dev.resilience.spring.context.ContextPropagator;
import dev.resilience.timeout.Timeout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link TimeoutLayer}'s form for {@code Mono}/{@code Flux}: each subscription is one call bounded by the
 * method's {@link Timeout}, measured from the subscription to the publisher's termination. At the
 * deadline the subscriber gets a {@link TimeoutExceededException} error signal and the rest of the
 * pipeline is cancelled; elements emitted before it stay emitted. Termination before the deadline passes
 * through unchanged.
 *
 * <p>The deadline is the timeout's own asynchronous one ({@link Timeout#callAsync}), bound to a future
 * that the publisher's termination completes, so the deadline task runs on the injected scheduler and the
 * timeout's statistics and events are those of a {@code CompletionStage} call (a cancellation by the
 * subscriber counts as failed). The deadline's error signal goes downstream (to a fallback, a retry, the
 * subscriber) in the caller's context ({@link ReactiveContext}), captured when the call is subscribed to,
 * although it is raised on the scheduler thread. Thread safe.
 */
final class ReactiveTimeout implements ReactiveLayer {

    private final Timeout timeout;
    private final ReactiveContext callerContext;

    ReactiveTimeout(Timeout timeout, ReactiveContext callerContext) {
        this.timeout = timeout;
        this.callerContext = callerContext;
    }

    @Override
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        Flux<Object> inner = next.proceed(invocation);
        return Flux.defer(() -> {
            CompletableFuture<Object> terminated = new CompletableFuture<>();
            ContextPropagator.Captured captured = callerContext.capture();
            // relayed: the bounded future's completion, at the deadline on the scheduler thread, reaches
            // the subscriber below with the caller's context restored
            CompletableFuture<Object> bounded = captured.relay(timeout.callAsync(() -> terminated));
            // set before `terminated` completes, so that the bounded future's echo of the publisher's own
            // outcome is recognised and only a deadline is turned into a signal
            AtomicBoolean over = new AtomicBoolean();
            Mono<Object> deadline = Mono.fromFuture(bounded, true).onErrorMap(Futures::unwrap).onErrorResume(
                    failure -> over.get() || !(failure instanceof TimeoutExceededException),
                    failure -> Mono.empty()).then(Mono.empty());
            return inner.doOnComplete(() -> {
                over.set(true);
                terminated.complete(null);
            }).doOnError(failure -> {
                over.set(true);
                terminated.completeExceptionally(failure);
            }).doOnCancel(() -> terminated.cancel(false))
                    // an error from `deadline` cancels `inner`; its completion waits for `inner`'s
                    .mergeWith(deadline);
        });
    }
}
