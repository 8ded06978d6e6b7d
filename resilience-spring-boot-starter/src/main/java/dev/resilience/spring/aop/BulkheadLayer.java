package dev.resilience.spring.aop;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.Bulkhead.Permit;
import dev.resilience.registry.InstanceRegistry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The {@code @Bulkhead} layer, innermost of the pipeline: holds a slot of the method's bulkhead (or of its
 * bulkhead for this call's key) while the method runs.
 *
 * <p>Plain methods: the calling thread takes the slot, waiting in the queue if the configuration allows
 * it (a rejection throws {@link dev.resilience.BulkheadFullException} without reaching the method), and
 * gives it back in a {@code finally}; without contention this path allocates nothing and takes no lock.
 * Stage methods: the slot is asked for without blocking a thread, the method starts once it is had, and
 * the slot is given back when the returned future completes, not when the method returns; a rejection
 * fails the returned future. A queued call starts on the thread that hands the slot over (the one that
 * completed an earlier call's future), so such methods should hand long work to an executor. Cancelling
 * the returned future (an outer timeout does) takes a queued call out of the queue, or cancels the
 * method's future and gives the slot back. {@code Mono}/{@code Flux} methods: the slot is asked for on
 * subscription, without blocking, and held until the publisher terminates or is cancelled; a rejection is
 * an error signal; cancelling while queued leaves the queue. Thread safe.
 */
public final class BulkheadLayer implements Layer {

    private final InstanceLookup<Bulkhead> bulkheads;

    /**
     * Creates the layer.
     *
     * @param bulkheads finds the bulkhead for a call
     */
    public BulkheadLayer(InstanceLookup<Bulkhead> bulkheads) {
        this.bulkheads = Objects.requireNonNull(bulkheads, "bulkheads");
    }

    @Override
    public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
        Permit permit = bulkheads.get(invocation).acquirePermit();
        try {
            return next.proceed(invocation);
        } finally {
            permit.release();
        }
    }

    @Override
    public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
        return Admission.thenRun(bulkheads.get(invocation).acquirePermitAsync(), invocation, next, Permit::release);
    }

    @Override
    public ReactiveLayer reactive() {
        return new ReactiveBulkhead(bulkheads);
    }

    /** Builds {@link BulkheadLayer}s for {@code @Bulkhead} methods from the bulkhead registry. */
    public static final class Factory implements LayerFactory<dev.resilience.annotation.Bulkhead> {

        private final Supplier<InstanceRegistry<Bulkhead>> registry;

        /**
         * Creates the factory.
         *
         * @param registry supplies the {@code bulkheadRegistry}; asked only when a layer is built
         */
        public Factory(Supplier<InstanceRegistry<Bulkhead>> registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        @Override
        public Class<dev.resilience.annotation.Bulkhead> annotationType() {
            return dev.resilience.annotation.Bulkhead.class;
        }

        @Override
        public int order() {
            return LayerOrder.BULKHEAD;
        }

        @Override
        public String name(dev.resilience.annotation.Bulkhead annotation) {
            return annotation.name();
        }

        @Override
        public String key(dev.resilience.annotation.Bulkhead annotation) {
            return annotation.key();
        }

        @Override
        public Layer create(LayerSpec<dev.resilience.annotation.Bulkhead> spec) {
            return new BulkheadLayer(spec.instances(registry.get()));
        }
    }
}
