package dev.resilience.spring.aop;

import org.aopalliance.intercept.MethodInvocation;
import reactor.core.publisher.Flux;

/**
 * A {@link Layer}'s form for methods that return {@code Mono} or {@code Flux}, obtained once per method
 * from {@link Layer#reactive()} when the pipeline is built. Loaded only for such methods.
 *
 * <p>{@link #apply} only assembles operators: the pattern's work (asking for a permit, starting a clock)
 * happens per subscription, since each subscription is one call and a retry resubscribes. Rejections and
 * failures are error signals, never thrown. A {@code Mono} method's publisher arrives here as a
 * {@code Flux} of at most one element and is turned back into a {@code Mono} by the pipeline, without a
 * cardinality check, so a layer must not add elements to it. Implementations are thread safe and keep
 * per-subscription state inside the subscription (e.g. in {@code Flux.defer}).
 */
@FunctionalInterface
public interface ReactiveLayer {

    /**
     * Wraps the rest of the pipeline.
     *
     * @param invocation the call; pass it on unchanged (the end of the chain copies it per subscription)
     * @param next the rest of the pipeline
     * @return the cold publisher the caller receives
     */
    Flux<Object> apply(MethodInvocation invocation, ReactiveChain next);
}
