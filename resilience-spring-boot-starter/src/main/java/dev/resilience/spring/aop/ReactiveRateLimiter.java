package dev.resilience.spring.aop;

import dev.resilience.ratelimiter.RateLimiter;
import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;

/**
 * {@link RateLimiterLayer}'s form for {@code Mono}/{@code Flux}: on each subscription spends a permit,
 * waiting for a later period without blocking if {@code timeout-duration} allows it
 * ({@link RateLimiter#acquirePermitAsync()}), before the rest of the pipeline is subscribed to. A
 * rejection is a {@link dev.resilience.RateLimitExceededException} error signal. Thread safe.
 */
final class ReactiveRateLimiter implements ReactiveLayer {

    private final InstanceLookup<RateLimiter> limiters;

    ReactiveRateLimiter(InstanceLookup<RateLimiter> limiters) {
        this.limiters = limiters;
    }

    @Override
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        return ReactiveAdmission.afterPermit(() -> limiters.get(invocation).acquirePermitAsync(), next.proceed(invocation));
    }
}
