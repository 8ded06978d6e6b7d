package dev.resilience.spring.aop;

import dev.resilience.annotation.Fallback;
import dev.resilience.fallback.FallbackExecutor;
import dev.resilience.fallback.FallbackHandler;
import dev.resilience.fallback.FallbackResolutionException;
import dev.resilience.spring.context.ContextPropagator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.BeansException;

/**
 * The {@code @Fallback} layer, outermost: runs the rest of the pipeline and, when the call fails in the
 * end (after every retry, and including rejections by the other patterns), answers with the fallback the
 * method's {@link FallbackExecutor} resolved at startup, if {@code applyOn}/{@code skipOn} let the failure
 * through. Fallback methods are called on the user's bean ({@link MethodInvocation#getThis()}), never
 * through the proxy. Stage methods get the fallback applied to the stage's failure without blocking;
 * {@code Mono}/{@code Flux} methods switch to the fallback's publisher (see {@link ReactiveFallback}).
 * Thread safe: the executor is immutable.
 */
public final class FallbackLayer implements Layer {

    private final FallbackExecutor fallback;
    private final ContextPropagator context;

    /**
     * Creates the layer.
     *
     * @param fallback the method's resolved fallback
     * @param context carries the caller's context onto the threads this layer hands work to
     */
    public FallbackLayer(FallbackExecutor fallback, ContextPropagator context) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
        try {
            return next.proceed(invocation);
        } catch (Throwable failure) {
            return fallback.recover(invocation.getThis(), invocation.getArguments(), failure);
        }
    }

    @Override
    public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
        // the fallback runs in the failure's completion: relayed so that it runs in the caller's context
        return fallback.recoverStage(invocation.getThis(), invocation.getArguments(),
                context.capture().relay(next.proceed(invocation)));
    }

    @Override
    public ReactiveLayer reactive() {
        return new ReactiveFallback(fallback, new ReactiveContext(context));
    }

    /**
     * Builds {@link FallbackLayer}s. The fallback is resolved during startup validation, so a fallback
     * method that does not exist or does not fit fails the context with a message naming the class, the
     * method, the fallback's name and the signatures expected. Handlers named by
     * {@link Fallback#handler()} are looked up as beans first and otherwise instantiated once per class.
     */
    public static final class Factory implements LayerFactory<Fallback> {

        private final Function<Class<? extends FallbackHandler>, FallbackHandler> handlerLookup;
        private final ContextPropagator context;
        // one handler per class, shared by every method naming it; filled at startup
        private final Map<Class<? extends FallbackHandler>, FallbackHandler> handlers = new ConcurrentHashMap<>();

        /**
         * Creates a factory whose layers propagate no context.
         *
         * @param handlerLookup gives the handler of a class (a bean of that class, else a new instance);
         *     asked once per class, when the first method naming it is validated
         */
        public Factory(Function<Class<? extends FallbackHandler>, FallbackHandler> handlerLookup) {
            this(handlerLookup, ContextPropagator.none());
        }

        /**
         * Creates the factory.
         *
         * @param handlerLookup gives the handler of a class (a bean of that class, else a new instance);
         *     asked once per class, when the first method naming it is validated
         * @param context carries the caller's context onto the threads the layers hand work to
         */
        public Factory(Function<Class<? extends FallbackHandler>, FallbackHandler> handlerLookup,
                ContextPropagator context) {
            this.handlerLookup = Objects.requireNonNull(handlerLookup, "handlerLookup");
            this.context = Objects.requireNonNull(context, "context");
        }

        @Override
        public Class<Fallback> annotationType() {
            return Fallback.class;
        }

        @Override
        public int order() {
            return LayerOrder.FALLBACK;
        }

        @Override
        public void validate(LayerSpec<Fallback> spec) {
            resolve(spec);
        }

        @Override
        public Layer create(LayerSpec<Fallback> spec) {
            return new FallbackLayer(resolve(spec), context);
        }

        private FallbackExecutor resolve(LayerSpec<Fallback> spec) {
            try {
                return FallbackExecutor.of(spec.method().userClass(), spec.method().method(), spec.annotation(),
                        type -> handlers.computeIfAbsent(type, handlerLookup));
            } catch (FallbackResolutionException e) {
                throw spec.misuse("cannot be resolved: " + e.getMessage());
            } catch (BeansException e) {
                throw spec.misuse("handler = " + spec.annotation().handler().getSimpleName()
                        + ".class is neither a bean nor instantiable: " + e.getMessage()
                        + ". Expected a FallbackHandler bean, or a class with a public no-argument constructor");
            }
        }
    }
}
