package dev.resilience.spring.aop;

import dev.resilience.fallback.FallbackExecutor;
import dev.resilience.spring.context.ContextPropagator;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@link FallbackLayer}'s form for {@code Mono}/{@code Flux}: when the publisher fails with an error the
 * fallback applies to ({@code applyOn}/{@code skipOn}), continues with the fallback's answer: a
 * {@code Mono}/{@code Flux} (any publisher) it returns is followed, any other value is emitted as the one
 * element, {@code null} completes empty. Elements emitted before the error stay emitted. An error the
 * fallback does not apply to, or one the fallback throws, is passed on. The fallback runs, and its
 * publisher is subscribed to, in the caller's context ({@link ReactiveContext}), captured when the call is
 * subscribed to, whichever thread signals the failure. Thread safe.
 */
final class ReactiveFallback implements ReactiveLayer {

    private final FallbackExecutor fallback;
    private final ReactiveContext callerContext;

    ReactiveFallback(FallbackExecutor fallback, ReactiveContext callerContext) {
        this.fallback = fallback;
        this.callerContext = callerContext;
    }

    @Override
    public Flux<Object> apply(MethodInvocation invocation, ReactiveChain next) {
        Flux<Object> inner = next.proceed(invocation);
        return Flux.defer(() -> {
            ContextPropagator.Captured captured = callerContext.capture();
            return inner.onErrorResume(fallback::appliesTo,
                    failure -> ReactiveContext.subscribedIn(captured, Flux.defer(() -> recover(invocation, failure))));
        });
    }

    @SuppressWarnings("unchecked")
    private Flux<Object> recover(MethodInvocation invocation, Throwable failure) {
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
    }
}
