package dev.resilience.spring.aop;

import dev.resilience.fallback.FallbackExecutor;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@link FallbackLayer}'s form for {@code Mono}/{@code Flux}: when the publisher fails with an error the
 * fallback applies to ({@code applyOn}/{@code skipOn}), continues with the fallback's answer: a
 * {@code Mono}/{@code Flux} (any publisher) it returns is followed, any other value is emitted as the one
 * element, {@code null} completes empty. Elements emitted before the error stay emitted. An error the
 * fallback does not apply to, or one the fallback throws, is passed on. Thread safe.
 */
final class ReactiveFallback implements ReactiveLayer {

    private final FallbackExecutor fallback;

    ReactiveFallback(FallbackExecutor fallback) {
        this.fallback = fallback;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        return next.proceed(invocation).onErrorResume(fallback::appliesTo, failure -> {
            Object answer;
            try {
                answer = fallback.recover(invocation.getThis(), invocation.getArguments(), failure);
            } catch (Throwable thrown) {
                return Flux.error(thrown);
            }
            if (answer instanceof Publisher<?> publisher) {
                return Flux.from((Publisher<Object>) publisher);
            }
            return answer == null ? Flux.empty() : Flux.just(answer);
        });
    }
}
