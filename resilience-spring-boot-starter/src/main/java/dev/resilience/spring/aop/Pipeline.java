package dev.resilience.spring.aop;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.aopalliance.intercept.MethodInvocation;

/**
 * A protected method's composed layers, built once and run on every call. The layers are linked when
 * the pipeline is built, so a call passes only the {@link MethodInvocation} from layer to layer and the
 * pipeline itself allocates nothing. Thread safe.
 */
@FunctionalInterface
interface Pipeline {

    /** A pipeline without layers: the call goes straight to the method. */
    Pipeline DIRECT = MethodInvocation::proceed;

    /**
     * Runs one call.
     *
     * @param invocation the call
     * @return what the caller receives
     * @throws Throwable what the caller receives instead (never for a {@code CompletionStage},
     *     {@code Mono} or {@code Flux} method)
     */
    Object execute(MethodInvocation invocation) throws Throwable;

    /**
     * Builds the pipeline of a protected method: one layer per annotation, outermost first, linked for
     * the method's return kind.
     *
     * @param protection the method and its annotations
     * @return the pipeline
     * @throws AnnotationMisuseException if a layer cannot serve the method's return kind
     */
    static Pipeline of(MethodProtection protection) {
        List<Layer> layers = protection.specs().stream().map(LayerSpec::createLayer).toList();
        return switch (protection.method().returnKind()) {
            case PLAIN -> plain(layers);
            case COMPLETION_STAGE -> completionStage(layers, protection.method());
            // a class of its own, so that Reactor is loaded only for methods that return Mono or Flux
            case MONO, FLUX -> ReactivePipeline.of(protection, layers);
        };
    }

    private static Pipeline plain(List<Layer> layers) {
        Chain chain = MethodInvocation::proceed;
        for (int i = layers.size() - 1; i >= 0; i--) {
            chain = new PlainLink(layers.get(i), chain);
        }
        return chain::proceed;
    }

    private static Pipeline completionStage(List<Layer> layers, ProtectedMethod method) {
        AsyncChain chain = new MethodStage(method);
        for (int i = layers.size() - 1; i >= 0; i--) {
            chain = new AsyncLink(layers.get(i), chain);
        }
        return chain::proceed;
    }

    /** One layer and what follows it, in a plain pipeline. */
    record PlainLink(Layer layer, Chain next) implements Chain {
        @Override
        public Object proceed(MethodInvocation invocation) throws Throwable {
            return layer.invoke(invocation, next);
        }
    }

    /** One layer and what follows it, in a stage pipeline; turns anything the layer throws into a failed future. */
    record AsyncLink(Layer layer, AsyncChain next) implements AsyncChain {
        @Override
        public CompletableFuture<?> proceed(MethodInvocation invocation) {
            try {
                return layer.invokeAsync(invocation, next);
            } catch (Throwable failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
    }

    /** The end of a stage pipeline: calls the method and hands on its stage, or a failed future. */
    record MethodStage(ProtectedMethod method) implements AsyncChain {
        @Override
        public CompletableFuture<?> proceed(MethodInvocation invocation) {
            try {
                Object stage = invocation.proceed();
                if (stage == null) {
                    return CompletableFuture.failedFuture(
                            new NullPointerException(method + " returned null instead of a CompletionStage"));
                }
                return ((CompletionStage<?>) stage).toCompletableFuture();
            } catch (Throwable failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
    }
}
