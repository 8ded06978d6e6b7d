package dev.resilience.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one blocking call on its own platform thread, so a test can let it block (queued in a bulkhead,
 * waiting for a rate limiter permit), move a manual clock, and then read the outcome with a bound. It
 * also records whether the thread's interrupt flag was set when the call ended.
 *
 * @param <T> the call's result type
 */
public final class InThread<T> {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean interruptedAtEnd;

    private InThread(String name, Callable<T> body) {
        thread = new Thread(() -> {
            try {
                outcome.complete(body.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            } finally {
                interruptedAtEnd = Thread.currentThread().isInterrupted();
            }
        }, name);
        thread.setDaemon(true);
    }

    /**
     * Starts the call on a new thread.
     *
     * @param name the thread's name
     * @param body the call
     * @param <T> the result type
     * @return the running call
     */
    public static <T> InThread<T> start(String name, Callable<T> body) {
        InThread<T> call = new InThread<>(name, body);
        call.thread.start();
        return call;
    }

    /** @return the thread running the call */
    public Thread thread() {
        return thread;
    }

    /** @return whether the call has ended */
    public boolean isDone() {
        return outcome.isDone();
    }

    /**
     * Waits (at most 10 s) for the call's result.
     *
     * @return the result
     * @throws AssertionError if the call threw or did not end in time
     */
    public T result() {
        try {
            return outcome.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the call threw", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the call did not end within " + BOUND, e);
        }
    }

    /**
     * Waits (at most 10 s) for the call to throw.
     *
     * @return what it threw
     * @throws AssertionError if the call returned or did not end in time
     */
    public Throwable failure() {
        try {
            T result = outcome.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("the call returned " + result + " instead of throwing");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the call did not end within " + BOUND, e);
        }
    }

    /**
     * Whether the thread's interrupt flag was set when the call ended; valid once it has ended.
     *
     * @return the flag at the end of the call
     */
    public boolean interruptedAtEnd() {
        try {
            thread.join(BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining", e);
        }
        return interruptedAtEnd;
    }
}
