package dev.resilience.spring.aop;

import java.util.concurrent.CompletableFuture;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The rest of a {@code CompletionStage} pipeline as seen from one {@link Layer}: the next layer inward,
 * and at the end the method itself. Built once per method; thread safe.
 */
@FunctionalInterface
public interface AsyncChain {

    /**
     * Runs the inner layers and the method. Never throws: a rejection by an inner layer, the method
     * throwing instead of returning a stage, or the method returning {@code null} all arrive as a
     * failed future.
     *
     * @param invocation the call; a layer that runs its chain more than once passes a fresh
     *     {@link Invocations#copyOf(MethodInvocation)} each time
     * @return the inner future; completes when the method's stage does (or earlier on a rejection)
     */
    CompletableFuture<?> proceed(MethodInvocation invocation);
}
