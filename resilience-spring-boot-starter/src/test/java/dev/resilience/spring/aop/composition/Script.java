package dev.resilience.spring.aop.composition;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * What the downstream of a scenario does on each call, in order (the last step repeats), and what it
 * saw: calls made, whether hung work was stopped (a synchronous call interrupted, a future cancelled),
 * and the failure a fallback received. One script per service bean; thread safe.
 */
public final class Script {

    /** One call's behaviour. */
    enum Step { VALUE, FAIL, HANG }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<Throwable> fallbackSaw = new AtomicReference<>();

    synchronized void play(Step... script) {
        steps.clear();
        steps.addAll(List.of(script));
    }

    private synchronized Step next() {
        return steps.size() > 1 ? steps.poll() : steps.peek();
    }

    /**
     * A synchronous call: returns, throws, or blocks (interruptibly) until the timeout stops it; then it
     * returns a late value, which the timeout discards.
     */
    String call() {
        calls.incrementAndGet();
        switch (next()) {
            case VALUE:
                return "value";
            case FAIL:
                throw new DownstreamException();
            default:
                try {
                    new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // gives up quietly, as a cancelled future does: the caller gets the timeout alone
                    stopped.set(true);
                }
                return "late";
        }
    }

    /** An asynchronous call: a completed, failed or never-completing future (noting its cancellation). */
    CompletableFuture<String> stage() {
        calls.incrementAndGet();
        switch (next()) {
            case VALUE:
                return CompletableFuture.completedFuture("value");
            case FAIL:
                return CompletableFuture.failedFuture(new DownstreamException());
            default:
                CompletableFuture<String> hanging = new CompletableFuture<>();
                hanging.whenComplete((value, failure) -> stopped.set(hanging.isCancelled()));
                return hanging;
        }
    }

    /**
     * A {@code Mono} call: a value, an error or a never-terminating {@code Mono} (noting its cancellation).
     * Counted when the method is called; the pipeline calls it once per subscription.
     */
    Mono<String> mono() {
        calls.incrementAndGet();
        switch (next()) {
            case VALUE:
                return Mono.just("value");
            case FAIL:
                return Mono.error(new DownstreamException());
            default:
                return Mono.<String>never().doOnCancel(() -> stopped.set(true));
        }
    }

    String recover(Throwable failure) {
        fallbackSaw.set(failure);
        return "fallback";
    }

    int calls() {
        return calls.get();
    }

    boolean stopped() {
        return stopped.get();
    }

    Throwable fallbackSaw() {
        return fallbackSaw.get();
    }

    /** The downstream's failure. */
    static final class DownstreamException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DownstreamException() {
            super("downstream failed");
        }
    }
}
