package dev.resilience.spring.aop.reactive;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.RateLimiter;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Mono} and {@code Flux} methods, one per pattern; each call takes the next planned publisher (the
 * last one repeats) and is counted when the method is called, which the pipeline does once per
 * subscription. Thread safe.
 */
public class ReactiveClient {

    private final Deque<Supplier<? extends Publisher<String>>> plan = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    // not final: called through the proxy, which must hand it on to the bean
    @SuppressWarnings("unchecked")
    synchronized void plan(Supplier<? extends Publisher<String>>... publishers) {
        plan.clear();
        plan.addAll(List.of(publishers));
    }

    int calls() {
        return calls.get();
    }

    private synchronized Publisher<String> next() {
        calls.incrementAndGet();
        return (plan.size() > 1 ? plan.poll() : plan.peek()).get();
    }

    @CircuitBreaker(name = "cb")
    public Mono<String> guarded() {
        return Mono.from(next());
    }

    @Bulkhead(name = "bh")
    public Mono<String> bulkheaded() {
        return Mono.from(next());
    }

    @RateLimiter(name = "rl")
    public Mono<String> limited() {
        return Mono.from(next());
    }

    @Retry(name = "retry")
    public Mono<String> retried() {
        return Mono.from(next());
    }

    @Timeout(name = "timeout")
    public Mono<String> timed() {
        return Mono.from(next());
    }

    @Fallback(method = "recover", skipOn = IllegalStateException.class)
    public Mono<String> recovered() {
        return Mono.from(next());
    }

    @CircuitBreaker(name = "flux-cb")
    public Flux<String> guardedStream() {
        return Flux.from(next());
    }

    @Bulkhead(name = "bh")
    public Flux<String> bulkheadedStream() {
        return Flux.from(next());
    }

    @Retry(name = "retry")
    public Flux<String> retriedStream() {
        return Flux.from(next());
    }

    @Timeout(name = "timeout")
    public Flux<String> timedStream() {
        return Flux.from(next());
    }

    @Fallback(method = "recoverStream")
    public Flux<String> recoveredStream() {
        return Flux.from(next());
    }

    private Mono<String> recover(Throwable failure) {
        return Mono.just("fallback after " + failure.getClass().getSimpleName());
    }

    private Flux<String> recoverStream(Throwable failure) {
        return Flux.just("f1", "f2");
    }

    /** A failure of the downstream. */
    static final class DownstreamException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DownstreamException() {
            super("downstream failed");
        }
    }
}
