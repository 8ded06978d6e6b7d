package dev.resilience.spring.aop;

import java.util.concurrent.CompletableFuture;

/** Type adaptation between {@link AsyncChain}'s wildcard futures and the core's typed stage APIs. */
final class Stages {

    private Stages() {
    }

    /**
     * Views a future of some type as a future of {@code Object}. Safe because the pipeline only ever reads
     * values out of it (a {@code CompletableFuture<?>} holds {@code Object}s); no copy, no allocation.
     *
     * @param future the inner future
     * @return the same future
     */
    @SuppressWarnings("unchecked")
    static CompletableFuture<Object> untyped(CompletableFuture<?> future) {
        return (CompletableFuture<Object>) future;
    }
}
