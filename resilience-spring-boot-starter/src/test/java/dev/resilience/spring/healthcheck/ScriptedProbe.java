package dev.resilience.spring.healthcheck;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A probe whose checks the test completes by hand: every check returns a new pending future, kept in
 * order. Counts the checks started and the most that were in flight at once. Thread safe.
 */
final class ScriptedProbe implements HealthProbe {

    final Queue<CompletableFuture<Result>> pending = new ConcurrentLinkedQueue<>();
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();

    @Override
    public String source() {
        return "scripted";
    }

    @Override
    public CompletableFuture<Result> check() {
        checks.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        CompletableFuture<Result> future = new CompletableFuture<>();
        pending.add(future);
        return future;
    }

    /** Completes the oldest pending check; returns false if none was pending. */
    boolean answer(boolean healthy, String detail) {
        CompletableFuture<Result> next = pending.poll();
        if (next == null) {
            return false;
        }
        inFlight.decrementAndGet();
        next.complete(new Result(healthy, detail));
        return true;
    }
}
