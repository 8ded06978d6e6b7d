package dev.resilience.spring.aop;

import java.util.List;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pipeline of a method that returns {@code Mono} or {@code Flux}: the layers' {@link ReactiveLayer}
 * forms linked once, around the method. A call returns at once with a cold publisher of the method's
 * type; nothing runs and nothing is thrown until it is subscribed to. Loaded only for such methods, so
 * Reactor need not be on the classpath otherwise. Thread safe.
 */
final class ReactivePipeline implements Pipeline {

    private final ReactiveChain chain;
    private final boolean mono;

    private ReactivePipeline(ReactiveChain chain, boolean mono) {
        this.chain = chain;
        this.mono = mono;
    }

    /**
     * Links the layers' reactive forms.
     *
     * @param layers the method's layers, outermost first
     * @param method the method
     * @return the pipeline
     * @throws AnnotationMisuseException if a layer has no reactive form (the context then fails to start)
     */
    static Pipeline of(List<Layer> layers, ProtectedMethod method) {
        ReactiveChain chain = new MethodPublisher(method);
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            ReactiveLayer reactive = layer.reactive();
            if (reactive == null) {
                throw method.misuse("returns " + method.method().getReturnType().getSimpleName() + " but "
                        + layer.getClass().getSimpleName() + " does not support Mono or Flux"
                        + "; expected a plain or CompletionStage return type for this annotation");
            }
            chain = new ReactiveLink(reactive, chain);
        }
        return new ReactivePipeline(chain, method.returnKind() == ReturnKind.MONO);
    }

    @Override
    public Object execute(MethodInvocation invocation) {
        Flux<Object> flux = chain.proceed(invocation);
        // fromDirect: no cardinality check, which would cancel the source after its element and so turn
        // every Mono's completion into a cancellation for the layers
        return mono ? Mono.fromDirect(flux) : flux;
    }

    /** One layer and what follows it; turns anything the layer throws while assembling into an error signal. */
    private record ReactiveLink(ReactiveLayer layer, ReactiveChain next) implements ReactiveChain {
        @Override
        public Flux<Object> proceed(MethodInvocation invocation) {
            try {
                return layer.apply(invocation, next);
            } catch (Throwable failure) {
                return Flux.error(failure);
            }
        }
    }

    /** The end of the pipeline: per subscription, calls the method on a copy of the call and follows its publisher. */
    private record MethodPublisher(ProtectedMethod method) implements ReactiveChain {
        @Override
        @SuppressWarnings("unchecked")
        public Flux<Object> proceed(MethodInvocation invocation) {
            return Flux.defer(() -> {
                Object publisher;
                try {
                    publisher = Invocations.copyOf(invocation).proceed();
                } catch (Throwable failure) {
                    return Flux.error(failure);
                }
                if (publisher == null) {
                    return Flux.error(new NullPointerException(method + " returned null instead of a "
                            + method.method().getReturnType().getSimpleName()));
                }
                return Flux.from((Publisher<Object>) publisher);
            });
        }
    }
}
