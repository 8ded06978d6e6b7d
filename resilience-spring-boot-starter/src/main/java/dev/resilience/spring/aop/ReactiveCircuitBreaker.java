package dev.resilience.spring.aop;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreaker.Permit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;

/**
 * {@link CircuitBreakerLayer}'s form for {@code Mono}/{@code Flux}: on each subscription asks the breaker
 * for a permit (a rejection is a {@link dev.resilience.CircuitBreakerOpenException} error signal and the
 * method is not called), then reports exactly one outcome when the publisher terminates: completion is a
 * success (a {@code Mono}'s value, or a {@code Flux}'s last element, is classified like a returned value,
 * so a {@code ResponseEntity} with a failure status counts as a failure), an error is classified like a
 * thrown exception, and a cancellation gives the permit back without recording anything
 * ({@link Permit#release()}). Outcomes are reported before the signal reaches the subscriber. Thread safe.
 */
final class ReactiveCircuitBreaker implements ReactiveLayer {

    private final InstanceLookup<CircuitBreaker> breakers;

    ReactiveCircuitBreaker(InstanceLookup<CircuitBreaker> breakers) {
        this.breakers = breakers;
    }

    @Override
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        Flux<Object> inner = next.proceed(invocation);
        return Flux.defer(() -> {
            CircuitBreaker breaker = breakers.get(invocation);
            Outcome outcome = new Outcome(breaker.acquirePermit(), breaker.timeSource().nanoTime());
            return inner.doOnNext(outcome::onNext)
                    .doOnComplete(outcome::onComplete)
                    .doOnError(outcome::onError)
                    .doOnCancel(outcome::onCancel);
        });
    }

    /**
     * One subscription's permit. Reactive Streams serializes a publisher's signals, but a cancellation
     * may race with termination; the flag makes the first of them the only one reported.
     */
    private static final class Outcome {

        private final AtomicBoolean reported = new AtomicBoolean();
        private final Permit permit;
        private final long startNanos;
        // written and read by the serialized onNext/onComplete signals only
        private Object last;
        private boolean seen;

        Outcome(Permit permit, long startNanos) {
            this.permit = permit;
            this.startNanos = startNanos;
        }

        void onNext(Object value) {
            last = value;
            seen = true;
        }

        void onComplete() {
            if (reported.compareAndSet(false, true)) {
                if (seen) {
                    permit.onResult(startNanos, last);
                } else {
                    permit.onSuccess(startNanos);
                }
            }
        }

        void onError(Throwable failure) {
            if (reported.compareAndSet(false, true)) {
                permit.onError(startNanos, failure);
            }
        }

        void onCancel() {
            if (reported.compareAndSet(false, true)) {
                permit.release();
            }
        }
    }
}
