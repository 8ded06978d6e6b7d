package dev.resilience.spring.aop;

import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.spring.context.ContextPropagator;
import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutConfig;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The {@code @Timeout} layer: bounds the rest of the pipeline (bulkhead queueing and the method) with the
 * method's {@link Timeout}. Plain methods run on the caller's thread, which the timeout interrupts at the
 * deadline (with {@code cancel-running}); the caller gets {@link dev.resilience.TimeoutExceededException}
 * and the method's late result is discarded. Stage methods get a future that fails at the deadline, the
 * inner one being cancelled; no thread blocks. {@code Mono}/{@code Flux} methods get an error signal at
 * the deadline and the rest of the pipeline is cancelled (see {@link ReactiveTimeout}). Thread safe:
 * per-call state lives in the {@link Timeout.Call} on the stack.
 */
public final class TimeoutLayer implements Layer {

    private final Timeout timeout;
    private final ContextPropagator context;

    /**
     * Creates a layer that propagates no context.
     *
     * @param timeout the method's timeout instance
     */
    public TimeoutLayer(Timeout timeout) {
        this(timeout, ContextPropagator.none());
    }

    /**
     * Creates the layer.
     *
     * @param timeout the method's timeout instance
     * @param context carries the caller's context to where a {@code Mono}/{@code Flux} deadline is signalled
     */
    public TimeoutLayer(Timeout timeout, ContextPropagator context) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
        Timeout.Call call = timeout.start();
        Object result;
        try {
            result = next.proceed(invocation);
        } catch (Throwable error) {
            throw call.onError(error);
        }
        call.onSuccess();
        return result;
    }

    @Override
    public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
        return timeout.callAsync(() -> Stages.untyped(next.proceed(invocation)));
    }

    @Override
    public ReactiveLayer reactive() {
        return new ReactiveTimeout(timeout, new ReactiveContext(context));
    }

    /**
     * Builds {@link TimeoutLayer}s for {@code @Timeout} methods from the timeout registry. An annotation's
     * {@code value} becomes the instance's {@code duration} in the annotation layer of its configuration
     * (above presets, below {@code instances.<name>}); it is checked and registered at startup, before
     * the instance exists.
     */
    public static final class Factory implements LayerFactory<dev.resilience.annotation.Timeout> {

        private final Supplier<InstanceRegistry<Timeout>> registry;
        private final Supplier<PatternConfigs<TimeoutConfig>> configs;
        private final ContextPropagator context;

        /**
         * Creates a factory whose layers propagate no context.
         *
         * @param registry supplies the {@code timeoutRegistry}; asked only when a layer is built
         * @param configs supplies the {@code timeoutConfigs}, where annotation values are registered
         */
        public Factory(Supplier<InstanceRegistry<Timeout>> registry, Supplier<PatternConfigs<TimeoutConfig>> configs) {
            this(registry, configs, ContextPropagator.none());
        }

        /**
         * Creates the factory.
         *
         * @param registry supplies the {@code timeoutRegistry}; asked only when a layer is built
         * @param configs supplies the {@code timeoutConfigs}, where annotation values are registered
         * @param context carries the caller's context to where the layers signal a deadline
         */
        public Factory(Supplier<InstanceRegistry<Timeout>> registry, Supplier<PatternConfigs<TimeoutConfig>> configs,
                ContextPropagator context) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.configs = Objects.requireNonNull(configs, "configs");
            this.context = Objects.requireNonNull(context, "context");
        }

        @Override
        public Class<dev.resilience.annotation.Timeout> annotationType() {
            return dev.resilience.annotation.Timeout.class;
        }

        @Override
        public int order() {
            return LayerOrder.TIMEOUT;
        }

        @Override
        public String name(dev.resilience.annotation.Timeout annotation) {
            return annotation.name();
        }

        @Override
        public void validate(LayerSpec<dev.resilience.annotation.Timeout> spec) {
            registerValue(spec);
        }

        @Override
        public Layer create(LayerSpec<dev.resilience.annotation.Timeout> spec) {
            // registering the same value again is a no-op; covers a layer built without startup validation
            registerValue(spec);
            return new TimeoutLayer(registry.get().get(spec.instanceName()), context);
        }

        private void registerValue(LayerSpec<dev.resilience.annotation.Timeout> spec) {
            String value = spec.annotation().value();
            if (value.isEmpty()) {
                return;
            }
            try {
                configs.get().registerAnnotationOverrides(spec.instanceName(), "@Timeout on " + spec.method(),
                        Map.of("duration", value));
            } catch (InvalidPropertyException | IllegalStateException e) {
                throw spec.misuse("value = \"" + value + "\" cannot be used: " + e.getMessage()
                        + ". Expected a duration greater than zero such as \"2s\", \"500ms\" or \"PT2S\"");
            }
        }
    }
}
