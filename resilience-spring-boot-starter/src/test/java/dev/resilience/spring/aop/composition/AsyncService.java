package dev.resilience.spring.aop.composition;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import java.util.concurrent.CompletableFuture;

/** The scenarios' methods, returning futures; {@link SyncService} has the same ones returning plain values. */
public class AsyncService {

    private final Script script = new Script();

    public Script script() {
        return script;
    }

    @Retry
    public CompletableFuture<String> retried() {
        return script.stage();
    }

    @Timeout
    public CompletableFuture<String> timed() {
        return script.stage();
    }

    @Fallback(method = "recover")
    public CompletableFuture<String> recovered() {
        return script.stage();
    }

    @Fallback(method = "recover", skipOn = Script.DownstreamException.class)
    public CompletableFuture<String> skipping() {
        return script.stage();
    }

    @CircuitBreaker
    @Timeout
    public CompletableFuture<String> guardedTimed() {
        return script.stage();
    }

    @Bulkhead
    @CircuitBreaker
    public CompletableFuture<String> guardedBulkheaded() {
        return script.stage();
    }

    @Retry
    @CircuitBreaker
    public CompletableFuture<String> retriedGuarded() {
        return script.stage();
    }

    @Fallback(method = "recover")
    @Retry
    public CompletableFuture<String> recoveredRetried() {
        return script.stage();
    }

    @Fallback(method = "recover")
    @Retry
    @CircuitBreaker
    @Timeout
    public CompletableFuture<String> everything() {
        return script.stage();
    }

    @Timeout
    @CircuitBreaker
    @Retry
    @Fallback(method = "recover")
    public CompletableFuture<String> everythingReversed() {
        return script.stage();
    }

    private String recover(Throwable failure) {
        return script.recover(failure);
    }
}
