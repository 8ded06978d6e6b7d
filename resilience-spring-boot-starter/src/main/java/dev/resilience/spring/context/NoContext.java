package dev.resilience.spring.context;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The propagator, capture and scope that carry nothing; one shared constant, no allocation. */
enum NoContext implements ContextPropagator, ContextPropagator.Captured, ContextPropagator.Scope {

    INSTANCE;

    @Override
    public Captured capture() {
        return this;
    }

    @Override
    public Scope restore() {
        return this;
    }

    @Override
    public <T> Supplier<T> wrap(Supplier<T> supplier) {
        return supplier;
    }

    @Override
    public <T> CompletableFuture<T> relay(CompletableFuture<T> future) {
        return future;
    }

    @Override
    public void close() {
        // nothing was restored
    }
}
