package dev.resilience.spring.aop;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.Bulkhead.Permit;
import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;

/**
 * {@link BulkheadLayer}'s form for {@code Mono}/{@code Flux}: on each subscription asks for a slot
 * without blocking ({@link Bulkhead#acquirePermitAsync()}), subscribes to the rest of the pipeline once it
 * is had, and gives it back when the publisher terminates or is cancelled (see {@link ReactiveAdmission}).
 * A rejection is a {@link dev.resilience.BulkheadFullException} error signal. A queued call starts on the
 * thread that hands the slot over. Thread safe.
 */
final class ReactiveBulkhead implements ReactiveLayer {

    private final InstanceLookup<Bulkhead> bulkheads;

    ReactiveBulkhead(InstanceLookup<Bulkhead> bulkheads) {
        this.bulkheads = bulkheads;
    }

    @Override
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        return ReactiveAdmission.thenSubscribe(() -> bulkheads.get(invocation).acquirePermitAsync(),
                next.proceed(invocation), Permit::release);
    }
}
