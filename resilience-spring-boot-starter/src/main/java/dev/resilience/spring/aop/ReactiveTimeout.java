package dev.resilience.spring.aop;

import dev.resilience.TimeoutExceededException;
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
 * subscriber counts as failed). Thread safe.
 */
final class ReactiveTimeout implements ReactiveLayer {

    private final Timeout timeout;

    ReactiveTimeout(Timeout timeout) {
        this.timeout = timeout;
    }

    @Override
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        Flux<Object> inner = next.proceed(invocation);
        return Flux.defer(() -> {
            CompletableFuture<Object> terminated = new CompletableFuture<>();
            CompletableFuture<Object> bounded = timeout.callAsync(() -> terminated);
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
