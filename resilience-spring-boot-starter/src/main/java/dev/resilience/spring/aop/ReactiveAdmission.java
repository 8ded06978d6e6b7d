package dev.resilience.spring.aop;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

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
     * @param release gives the permit back
     * @param <P> the permit type (never {@code null})
     * @return the admitted publisher
     */
    static <P> Flux<Object> thenSubscribe(Supplier<CompletionStage<P>> acquire, Flux<Object> inner,
            Consumer<? super P> release) {
        return Flux.defer(() -> {
            Slot<P> slot = new Slot<>(acquire.get().toCompletableFuture(), release);
            return Mono.<Boolean>create(slot::deliver)
                    .flatMapMany(admitted -> inner)
                    .doOnTerminate(slot::finish)
                    .doOnCancel(slot::finish);
        });
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

    /**
     * One subscription's admission. The state moves once from "waiting" to the permit (admitted) or to
     * "finished" (cancelled first), and from the permit to "finished"; whoever takes the permit out gives it
     * back, so it goes back exactly once whatever the order of admission, cancellation and termination.
     */
    private static final class Slot<P> {

        private static final Object WAITING = new Object();
        private static final Object FINISHED = new Object();

        private final AtomicReference<Object> state = new AtomicReference<>(WAITING);
        private final CompletableFuture<P> admission;
        private final Consumer<? super P> release;

        Slot(CompletableFuture<P> admission, Consumer<? super P> release) {
            this.admission = admission;
            this.release = release;
        }

        void deliver(MonoSink<Boolean> sink) {
            admission.whenComplete((permit, refusal) -> {
                if (refusal != null) {
                    if (!(refusal instanceof CancellationException)) {
                        sink.error(Futures.unwrap(refusal));
                    }
                } else if (state.compareAndSet(WAITING, permit)) {
                    sink.success(Boolean.TRUE);
                } else {
                    // cancelled while waiting: the permit arrived anyway and must not be kept
                    release.accept(permit);
                }
            });
        }

        @SuppressWarnings("unchecked")
        void finish() {
            Object previous = state.getAndSet(FINISHED);
            if (previous == WAITING) {
                admission.cancel(false);
            } else if (previous != FINISHED) {
                release.accept((P) previous);
            }
        }
    }
}
