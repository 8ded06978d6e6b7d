package dev.resilience.spring.aop;

import java.lang.annotation.Annotation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInvocation;

/**
 * A stand-in for a pattern not built yet: its layer adds the annotation's simple name to the trace and
 * proceeds. Counts the layers it builds.
 *
 * @param <A> the annotation type
 */
final class RecordingLayerFactory<A extends Annotation> implements LayerFactory<A> {

    final AtomicInteger created = new AtomicInteger();
    private final Class<A> type;
    private final int order;
    private final FakeBreakers.Trace trace;

    RecordingLayerFactory(Class<A> type, int order, FakeBreakers.Trace trace) {
        this.type = type;
        this.order = order;
        this.trace = trace;
    }

    @Override
    public Class<A> annotationType() {
        return type;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public Layer create(LayerSpec<A> spec) {
        created.incrementAndGet();
        String entry = type.getSimpleName();
        return new Layer() {
            @Override
            public Object invoke(MethodInvocation invocation, Chain next) throws Throwable {
                trace.add(entry);
                return next.proceed(invocation);
            }

            @Override
            public CompletableFuture<?> invokeAsync(MethodInvocation invocation, AsyncChain next) {
                trace.add(entry);
                return next.proceed(invocation);
            }
        };
    }
}
