package dev.resilience.spring.aop;

import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The {@code @RateLimiter} layer: spends a permit of the method's rate limiter (or of its limiter for this
 * call's key) before the rest of the pipeline runs. A permit is spent, not held: nothing is given back
 * when the call ends.
 *
 * <p>Plain methods: the calling thread takes a permit, waiting up to {@code timeout-duration} for a later
 * period; a rejection throws {@link dev.resilience.RateLimitExceededException} without reaching the method.
 * With a permit free this path allocates nothing and takes no lock. Stage methods: the permit is asked
 * for without blocking a thread and the rest of the pipeline starts once it is had (on the scheduler's
 * thread after a wait); a rejection fails the returned future. {@code Mono}/{@code Flux} methods: the
 * permit is asked for on each subscription, without blocking, before the rest of the pipeline is
 * subscribed to; a rejection is an error signal. Thread safe.
 */
public final class RateLimiterLayer implements Layer {

    private static final Consumer<Object> SPENT = permit -> { };

    private final InstanceLookup<RateLimiter> limiters;

    /**
     * Creates the layer.
     *
     * @param limiters finds the rate limiter for a call
     */
    public RateLimiterLayer(InstanceLookup<RateLimiter> limiters) {
        this.limiters = Objects.requireNonNull(limiters, "limiters");
    }

    @Override
    public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
        limiters.get(invocation).acquirePermit();
        return next.proceed(invocation);
    }

    @Override
    public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
        return Admission.thenRun(limiters.get(invocation).acquirePermitAsync(), invocation, next, SPENT);
    }

    @Override
    public ReactiveLayer reactive() {
        return new ReactiveRateLimiter(limiters);
    }

    /** Builds {@link RateLimiterLayer}s for {@code @RateLimiter} methods from the rate limiter registry. */
    public static final class Factory implements LayerFactory<dev.resilience.annotation.RateLimiter> {

        private final Supplier<InstanceRegistry<RateLimiter>> registry;

        /**
         * Creates the factory.
         *
         * @param registry supplies the {@code rateLimiterRegistry}; asked only when a layer is built
         */
        public Factory(Supplier<InstanceRegistry<RateLimiter>> registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        @Override
        public Class<dev.resilience.annotation.RateLimiter> annotationType() {
            return dev.resilience.annotation.RateLimiter.class;
        }

        @Override
        public int order() {
            return LayerOrder.RATE_LIMITER;
        }

        @Override
        public String name(dev.resilience.annotation.RateLimiter annotation) {
            return annotation.name();
        }

        @Override
        public String key(dev.resilience.annotation.RateLimiter annotation) {
            return annotation.key();
        }

        @Override
        public Layer create(LayerSpec<dev.resilience.annotation.RateLimiter> spec) {
            return new RateLimiterLayer(spec.instances(registry.get()));
        }
    }
}
