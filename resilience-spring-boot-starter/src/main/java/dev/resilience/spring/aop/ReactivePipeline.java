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
     * @param protection the method and its annotations
     * @param layers the method's layers, outermost first, one per annotation in {@code protection}
     * @return the pipeline
     * @throws AnnotationMisuseException if a layer has no reactive form (the context then fails to start)
     */
    static Pipeline of(MethodProtection protection, List<Layer> layers) {
        ProtectedMethod method = protection.method();
        ReactiveChain chain = new ReactiveMethodPublisher(method);
        for (int i = layers.size() - 1; i >= 0; i--) {
            ReactiveLayer reactive = layers.get(i).reactive();
            if (reactive == null) {
                throw method.misuse("@" + protection.specs().get(i).annotation().annotationType().getSimpleName()
                        + " does not support a method returning " + method.method().getReturnType().getSimpleName()
                        + "; expected a plain or CompletionStage return type");
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
    private record ReactiveMethodPublisher(ProtectedMethod method) implements ReactiveChain {
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
