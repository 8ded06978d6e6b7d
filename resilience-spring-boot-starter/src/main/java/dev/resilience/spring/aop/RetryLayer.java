package dev.resilience.spring.aop;

import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.spring.context.ContextPropagator;
import dev.resilience.time.Scheduler;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The {@code @Retry} layer: runs the rest of the pipeline (circuit breaker, rate limiter, timeout,
 * bulkhead, method) once per attempt, each time with its own {@link Invocations#copyOf copy} of the call,
 * and lets the method's {@link Retry} decide after each failure whether and when to try again. When the
 * retry stops, the caller gets the last failure with the earlier ones attached as suppressed; an inner
 * rejection ({@code CircuitBreakerOpenException}, {@code BulkheadFullException},
 * {@code RateLimitExceededException}) is never retried (SPEC ruling 8).
 *
 * <p>Plain methods wait between attempts on the calling thread (parked until a task on the
 * {@link dev.resilience.time.Scheduler} wakes it; an interrupt ends the call with its last failure).
 * Stage methods never block: the first attempt starts on the calling thread and each retry is a task on
 * the scheduler. {@code Mono}/{@code Flux} methods resubscribe per attempt, waiting on the scheduler
 * (see {@link ReactiveRetry}). Thread safe: per-call state lives on the stack (and in the retry's per-call
 * context once an attempt has failed).
 */
public final class RetryLayer implements Layer {

    /** One attempt: the rest of the pipeline on a fresh copy of the call. */
    private static final Retry.Attempt<MethodInvocation, Chain, Object, Throwable> ATTEMPT =
            (invocation, next) -> next.proceed(Invocations.copyOf(invocation));

    private final Retry retry;
    private final Scheduler scheduler;
    private final ContextPropagator context;

    /**
     * Creates the layer.
     *
     * @param retry the method's retry instance
     * @param scheduler runs the waits between attempts of {@code Mono}/{@code Flux} methods (the same
     *     scheduler the retry instances use)
     * @param context carries the caller's context onto the threads this layer hands work to
     */
    public RetryLayer(Retry retry, Scheduler scheduler, ContextPropagator context) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
        // a constant attempt given the call and the chain, rather than a lambda capturing them, and no
        // context until an attempt fails: a first-attempt success allocates nothing here; the failure that
        // ends the call comes with the earlier ones attached as suppressed
        return retry.call(invocation, next, ATTEMPT);
    }

    @Override
    public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
        // every attempt, the first included, runs in the caller's context whatever thread starts it
        return retry.callAsync(
                context.capture().wrap(() -> Stages.untyped(next.proceed(Invocations.copyOf(invocation)))));
    }

    @Override
    public ReactiveLayer reactive() {
        return new ReactiveRetry(retry, scheduler, new ReactiveContext(context));
    }

    /** Builds {@link RetryLayer}s for {@code @Retry} methods from the retry registry. */
    public static final class Factory implements LayerFactory<dev.resilience.annotation.Retry> {

        private final Supplier<InstanceRegistry<Retry>> registry;
        private final Supplier<Scheduler> scheduler;
        private final ContextPropagator context;

        /**
         * Creates a factory whose layers propagate no context.
         *
         * @param registry supplies the {@code retryRegistry}; asked only when a layer is built
         * @param scheduler supplies the {@link Scheduler} bean; asked only when a layer is built
         */
        public Factory(Supplier<InstanceRegistry<Retry>> registry, Supplier<Scheduler> scheduler) {
            this(registry, scheduler, ContextPropagator.none());
        }

        /**
         * Creates the factory.
         *
         * @param registry supplies the {@code retryRegistry}; asked only when a layer is built
         * @param scheduler supplies the {@link Scheduler} bean; asked only when a layer is built
         * @param context carries the caller's context onto the threads the layers hand work to
         */
        public Factory(Supplier<InstanceRegistry<Retry>> registry, Supplier<Scheduler> scheduler,
                ContextPropagator context) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.context = Objects.requireNonNull(context, "context");
        }

        @Override
        public Class<dev.resilience.annotation.Retry> annotationType() {
            return dev.resilience.annotation.Retry.class;
        }

        @Override
        public int order() {
            return LayerOrder.RETRY;
        }

        @Override
        public String name(dev.resilience.annotation.Retry annotation) {
            return annotation.name();
        }

        @Override
        public Layer create(LayerSpec<dev.resilience.annotation.Retry> spec) {
            return new RetryLayer(registry.get().get(spec.instanceName()), scheduler.get(), context);
        }
    }
}
