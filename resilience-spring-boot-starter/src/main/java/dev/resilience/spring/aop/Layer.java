package dev.resilience.spring.aop;

import java.util.concurrent.CompletableFuture;
import org.aopalliance.intercept.MethodInvocation;

/**
 * One pattern's step in a protected method's pipeline. A {@link LayerFactory} builds one layer per
 * protected (class, method) when the pipeline is assembled (at startup, else on the first call); every
 * call of that method and every thread then goes through the same layer object, so a layer must be
 * thread safe and keep per-call state on the stack.
 *
 * <p>A layer runs <em>around</em> the rest of the pipeline: {@code next} is the next layer inward, and
 * finally the method. The layer decides whether to call it (a rejection does not), when, on which thread
 * and how often:
 * <ul>
 * <li>a layer that runs {@code next} more than once (retry) passes {@link Invocations#copyOf(MethodInvocation)}
 *     of its {@code invocation} to every run and never the original, because proceeding a Spring
 *     invocation advances its position in the proxy's interceptor chain;</li>
 * <li>a layer that bounds time (timeout) keeps its own deadline from the injected
 *     {@link dev.resilience.time.TimeSource} and {@link dev.resilience.time.Scheduler}: synchronously it can
 *     interrupt the calling thread or run {@code next} elsewhere and wait; asynchronously it completes the
 *     returned future at the deadline and cancels the inner one.</li>
 * </ul>
 *
 * <p>Which method is called is decided once per method from its {@link ReturnKind}, never per call.
 * Reactor's {@code Mono}/{@code Flux} are served by {@link #reactive()}, whose default says "not
 * supported", so that a layer without a reactive form fails startup for such methods rather than
 * misbehave; the interceptor and the pipeline cache that call layers do not change.
 *
 * <pre>{@code
 * public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
 *     Bulkhead bulkhead = bulkheads.get(invocation);   // resolved once, or per key
 *     bulkhead.acquire();                              // throws BulkheadFullException
 *     try {
 *         return next.proceed(invocation);
 *     } finally {
 *         bulkhead.release();
 *     }
 * }
 * }</pre>
 */
public interface Layer {

    /**
     * Runs a call of a method that returns a plain value or {@code void}.
     *
     * @param invocation the call: method, arguments, target
     * @param next the rest of the pipeline
     * @return the value to return to the caller ({@code null} for {@code void})
     * @throws Throwable what the call should throw: the method's failure or this layer's rejection
     */
    Object invoke(MethodInvocation invocation, Chain next) throws Throwable;

    /**
     * Runs a call of a method that returns a {@code CompletionStage} or {@code CompletableFuture}. The
     * outcome is whatever the returned future completes with; a layer must never block a thread to wait
     * for {@code next}'s future. Anything this method throws is delivered through a failed future by the
     * pipeline, so the caller never sees an exception thrown (SPEC ruling 7).
     *
     * @param invocation the call
     * @param next the rest of the pipeline; it never throws
     * @return the future the caller receives
     */
    CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next);

    /**
     * This layer's form for methods that return {@code Mono} or {@code Flux}; asked once per such method
     * when its pipeline is built (at startup for the beans scanned then). Implementations return a new
     * object of a class of their own that holds the Reactor code, so that no Reactor type is loaded for
     * applications without Reactor.
     *
     * @return the reactive form, or {@code null} (the default) if this pattern does not support reactive
     *     return types: a method returning {@code Mono} or {@code Flux} then fails startup with a message
     *     naming it
     */
    default ReactiveLayer reactive() {
        return null;
    }
}
