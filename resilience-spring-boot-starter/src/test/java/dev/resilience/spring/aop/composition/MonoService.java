package dev.resilience.spring.aop.composition;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import reactor.core.publisher.Mono;

/** The scenarios' methods, returning {@code Mono}s; {@link SyncService} has the same ones returning plain values. */
public class MonoService {

    private final Script script = new Script();

    public Script script() {
        return script;
    }

    @Retry
    public Mono<String> retried() {
        return script.mono();
    }

    @Timeout
    public Mono<String> timed() {
        return script.mono();
    }

    @Fallback(method = "recover")
    public Mono<String> recovered() {
        return script.mono();
    }

    @Fallback(method = "recover", skipOn = Script.DownstreamException.class)
    public Mono<String> skipping() {
        return script.mono();
    }

    @CircuitBreaker
    @Timeout
    public Mono<String> guardedTimed() {
        return script.mono();
    }

    @Bulkhead
    @CircuitBreaker
    public Mono<String> guardedBulkheaded() {
        return script.mono();
    }

    @Retry
    @CircuitBreaker
    public Mono<String> retriedGuarded() {
        return script.mono();
    }

    @Fallback(method = "recover")
    @Retry
    public Mono<String> recoveredRetried() {
        return script.mono();
    }

    @Fallback(method = "recover")
    @Retry
    @CircuitBreaker
    @Timeout
    public Mono<String> everything() {
        return script.mono();
    }

    @Timeout
    @CircuitBreaker
    @Retry
    @Fallback(method = "recover")
    public Mono<String> everythingReversed() {
        return script.mono();
    }

    private Mono<String> recover(Throwable failure) {
        return Mono.fromSupplier(() -> script.recover(failure));
    }
}
