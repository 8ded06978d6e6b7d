package dev.resilience.spring.aop;

import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;

/**
 * The rest of a {@code Mono}/{@code Flux} pipeline as seen from one {@link ReactiveLayer}: the next layer
 * inward, and at the end the method itself. Built once per method; thread safe. Loaded only for methods
 * that return {@code Mono} or {@code Flux}, so Reactor need not be on the classpath otherwise.
 */
@FunctionalInterface
public interface ReactiveChain {

    /**
     * Assembles the inner layers and the method into a cold publisher. Never throws and does no work:
     * each subscription to the result is one call, which invokes the method on a fresh
     * {@link Invocations#copyOf copy} of {@code invocation}; a rejection by an inner layer, the method
     * throwing instead of returning a publisher, or returning {@code null}, all arrive as error signals.
     *
     * @param invocation the call as the interceptor received it; never proceeded itself
     * @return the cold publisher (a {@code Mono} method's at most one element, followed by completion)
     */
    Flux<Object> proceed(MethodInvocation invocation);
}
