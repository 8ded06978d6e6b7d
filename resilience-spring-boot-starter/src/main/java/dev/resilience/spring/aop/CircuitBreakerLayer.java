package dev.resilience.spring.aop;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreaker.Permit;
import dev.resilience.registry.InstanceRegistry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The {@code @CircuitBreaker} layer: asks the method's breaker (or its breaker for this call's key) for
 * a permit, reads the start time from the breaker's own time source, runs the rest of the pipeline and
 * reports exactly one outcome to the permit. A rejection throws
 * {@link dev.resilience.CircuitBreakerOpenException} (or fails the returned future) without reaching the
 * method.
 *
 * <p>Plain methods: a returned value goes to {@link Permit#onResult} (it may be a {@code ResponseEntity}
 * carrying a status), {@code void} to {@link Permit#onSuccess}, a throwable to {@link Permit#onError}; on
 * this path the layer allocates nothing. Stage methods: the outcome is reported when the future completes,
 * with {@code CompletionException} wrappers removed, and the caller receives a dependent future.
 * {@code Mono}/{@code Flux} methods: see {@link ReactiveCircuitBreaker}. Thread safe.
 */
public final class CircuitBreakerLayer implements Layer {

    private final InstanceLookup<CircuitBreaker> breakers;
    private final boolean returnsValue;

    /**
     * Creates the layer.
     *
     * @param breakers finds the breaker for a call
     * @param returnsValue whether the method returns a value (not {@code void}) that may carry an HTTP status
     */
    public CircuitBreakerLayer(InstanceLookup<CircuitBreaker> breakers, boolean returnsValue) {
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.returnsValue = returnsValue;
    }

    @Override
    public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
        CircuitBreaker breaker = breakers.get(invocation);
        Permit permit = breaker.acquirePermit();
        long startNanos = breaker.timeSource().nanoTime();
        Object result;
        try {
            result = next.proceed(invocation);
        } catch (Throwable failure) {
            permit.onError(startNanos, failure);
            throw failure;
        }
        if (returnsValue) {
            permit.onResult(startNanos, result);
        } else {
            permit.onSuccess(startNanos);
        }
        return result;
    }

    @Override
    public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
        CircuitBreaker breaker = breakers.get(invocation);
        Permit permit = breaker.acquirePermit();
        long startNanos = breaker.timeSource().nanoTime();
        return next.proceed(invocation).whenComplete(new Outcome(permit, startNanos));
    }

    @Override
    public ReactiveLayer reactive() {
        return new ReactiveCircuitBreaker(breakers);
    }

    /** Reports a stage's outcome to the permit that admitted the call. */
    private record Outcome(Permit permit, long startNanos) implements BiConsumer<Object, Throwable> {
        @Override
        public void accept(Object result, Throwable failure) {
            if (failure == null) {
                permit.onResult(startNanos, result);
            } else {
                permit.onError(startNanos, Futures.unwrap(failure));
            }
        }
    }

    /** Builds {@link CircuitBreakerLayer}s for {@code @CircuitBreaker} methods from the circuit breaker registry. */
    public static final class Factory implements LayerFactory<dev.resilience.annotation.CircuitBreaker> {

        private final Supplier<InstanceRegistry<CircuitBreaker>> registry;

        /**
         * Creates the factory.
         *
         * @param registry supplies the {@code circuitBreakerRegistry}; asked only when a layer is built
         */
        public Factory(Supplier<InstanceRegistry<CircuitBreaker>> registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        @Override
        public Class<dev.resilience.annotation.CircuitBreaker> annotationType() {
            return dev.resilience.annotation.CircuitBreaker.class;
        }

        @Override
        public int order() {
            return LayerOrder.CIRCUIT_BREAKER;
        }

        @Override
        public String name(dev.resilience.annotation.CircuitBreaker annotation) {
            return annotation.name();
        }

        @Override
        public String key(dev.resilience.annotation.CircuitBreaker annotation) {
            return annotation.key();
        }

        @Override
        public Layer create(LayerSpec<dev.resilience.annotation.CircuitBreaker> spec) {
            return new CircuitBreakerLayer(spec.instances(registry.get()), spec.method().method().getReturnType() != void.class);
        }
    }
}
