package dev.resilience.spring.aop;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive counterpart of {@link Admission}: per subscription, asks a pattern for admission without
 * blocking and subscribes to the rest of the pipeline once it is had.
 *
 * <p>Guarantees, whatever thread completes what:
 * <ul>
 * <li>a refused admission is an error signal with the pattern's exception itself, and the rest of the
 *     pipeline is never subscribed to;</li>
 * <li>{@code release} runs exactly once per admission: when the inner publisher completes, fails or is
 *     cancelled, before the signal reaches the subscriber; or at once if the subscriber cancelled before
 *     the admission arrived (the call then never starts);</li>
 * <li>cancelling while the admission is pending cancels it (a queued call leaves the queue).</li>
 * </ul>
 */
final class ReactiveAdmission {

    private ReactiveAdmission() {
    }

    /**
     * @param acquire asks for admission; called once per subscription
     * @param inner the rest of the pipeline
     * @param permitType the permit's class, for the permits Reactor discards after a late cancellation
     * @param release gives the permit back
     * @param <P> the permit type (never {@code null})
     * @return the admitted publisher
     */
    static <P> Flux<Object> thenSubscribe(Supplier<CompletionStage<P>> acquire, Flux<Object> inner,
            Class<P> permitType, Consumer<? super P> release) {
        return Flux.defer(() -> admission(acquire.get().toCompletableFuture(), release))
                .flatMap(permit -> {
                    // termination and a late cancellation may both arrive; the permit goes back once
                    AtomicBoolean released = new AtomicBoolean();
                    Runnable giveBack = () -> {
                        if (released.compareAndSet(false, true)) {
                            release.accept(permit);
                        }
                    };
                    return inner.doOnTerminate(giveBack).doOnCancel(giveBack);
                }, 1)
                // a permit handed to a subscriber that cancelled in the same instant is dropped by
                // Reactor as "discarded"; it was admitted, so it must still go back
                .doOnDiscard(permitType, release);
    }

    /**
     * Spends a permit that is not held (a rate limiter's), then subscribes to the rest of the pipeline.
     *
     * @param acquire asks for the permit; called once per subscription
     * @param inner the rest of the pipeline
     * @return the admitted publisher
     */
    static Flux<Object> afterPermit(Supplier<CompletionStage<Void>> acquire, Flux<Object> inner) {
        return Flux.defer(() -> Mono.fromFuture(acquire.get().toCompletableFuture()))
                .onErrorMap(Futures::unwrap)
                .thenMany(inner);
    }

    private static <P> Mono<P> admission(CompletableFuture<P> admitted, Consumer<? super P> release) {
        return Mono.create(sink -> {
            // decides, once, between "the subscriber gave up" and "the permit is delivered"
            AtomicBoolean settled = new AtomicBoolean();
            sink.onCancel(() -> {
                if (settled.compareAndSet(false, true)) {
                    admitted.cancel(false);
                }
            });
            admitted.whenComplete((permit, refusal) -> {
                if (refusal != null) {
                    if (!(refusal instanceof CancellationException)) {
                        sink.error(Futures.unwrap(refusal));
                    }
                } else if (settled.compareAndSet(false, true)) {
                    sink.success(permit);
                } else {
                    release.accept(permit);
                }
            });
        });
    }
}
