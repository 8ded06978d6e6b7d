package dev.resilience.retry;

import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.retry.RetryEvent.Exhausted.Reason;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The retry: configuration resolved once per configuration into a {@link RetryPolicy}, statistics and
 * events. The per-call logic lives in {@link RetryContext}, made by {@link #start()} or, for synchronous
 * calls, only when an attempt fails; this class is what every context shares, and it holds no per-call
 * state, so it needs no lock on the call path. {@link #reconfigure} swaps the policy
 * (one volatile write); a call reads it once, when it starts.
 */
final class DefaultRetry implements Retry {

    /** {@link #call(Callable)}'s attempt: a constant, so passing it allocates nothing. */
    private static final Attempt<Callable<?>, Void, Object, Exception> CALLABLE = (callable, unused) -> callable.call();
    /** {@link #get(Supplier)}'s attempt: a constant, so passing it allocates nothing. */
    private static final Attempt<Supplier<?>, Void, Object, RuntimeException> SUPPLIER =
            (supplier, unused) -> supplier.get();
    /** {@link #run(Runnable)}'s attempt: a constant, so passing it allocates nothing. */
    private static final Attempt<Runnable, Void, Void, RuntimeException> RUNNABLE = (runnable, unused) -> {
        runnable.run();
        return null;
    };

    private final String name;
    private final TimeSource timeSource;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private volatile RetryPolicy policy;
    private final ReentrantLock reconfiguring = new ReentrantLock();
    private final RetryStatistics statistics = new RetryStatistics();
    private final EventPublisher<RetryEvent> events = new EventPublisher<>();

    DefaultRetry(String name, RetryConfig config, TimeSource timeSource, Scheduler scheduler, DoubleSupplier random) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.random = Objects.requireNonNull(random, "random");
        this.policy = RetryPolicy.initial(config, random, timeSource.nanoTime());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RetryConfig config() {
        return policy.config;
    }

    @Override
    public RetryConfig reconfigure(RetryConfig newConfig, String principal) {
        Objects.requireNonNull(newConfig, "newConfig");
        Objects.requireNonNull(principal, "principal");
        // one reconfiguration at a time, so the budget carried over is the latest one and events come in the
        // order of the switches; calls never take this lock
        reconfiguring.lock();
        try {
            RetryPolicy old = policy;
            policy = old.next(newConfig, random, timeSource.nanoTime());
            ConfigChanges.publish(events, name, timeSource.epochMillis(), principal, old.config.asMap(),
                    newConfig.asMap());
            return old.config;
        } finally {
            reconfiguring.unlock();
        }
    }

    @Override
    public RetrySnapshot snapshot() {
        return statistics.snapshot();
    }

    @Override
    public EventPublisher<RetryEvent> events() {
        return events;
    }

    @Override
    public void reset() {
        statistics.reset();
        RetryBudget budget = policy.budget;
        if (budget != null) {
            budget.reset();
        }
    }

    @Override
    public Context start() {
        RetryPolicy current = policy;
        return new RetryContext(this, current, firstAttemptStarts(current));
    }

    /**
     * The clock reading of a call's first attempt, taken only if {@code max-duration} or the budget needs
     * it (0 otherwise); the budget counts the attempt.
     */
    private long firstAttemptStarts(RetryPolicy current) {
        long startNanos = 0;
        if (current.maxDurationNanos > 0 || current.budget != null) {
            startNanos = timeSource.nanoTime();
            if (current.budget != null) {
                current.budget.recordFirstAttempt(startNanos);
            }
        }
        return startNanos;
    }

    @Override
    @SuppressWarnings("unchecked") // CALLABLE returns what the callable returns
    public <T> T call(Callable<T> callable) throws Exception {
        return (T) call(callable, null, CALLABLE);
    }

    @Override
    @SuppressWarnings("unchecked") // SUPPLIER returns what the supplier returns
    public <T> T get(Supplier<T> supplier) {
        return (T) call(supplier, null, SUPPLIER);
    }

    /**
     * The one synchronous retry loop. The context is made on the first failure only, so a call whose first
     * attempt succeeds allocates nothing; until then the policy and the first attempt's start time live in
     * locals. Small enough to be inlined into its callers, where {@code attempt} is a constant and its call
     * is bound statically, whatever other attempts the JVM has seen here.
     */
    @Override
    public <A, B, T, E extends Throwable> T call(A first, B second, Attempt<A, B, T, E> attempt) throws E {
        RetryPolicy current = policy;
        long startNanos = firstAttemptStarts(current);
        RetryContext context = null;
        while (true) {
            try {
                T result = attempt.make(first, second);
                if (context == null) {
                    succeeded(1);
                } else {
                    context.onSuccess();
                }
                return result;
            } catch (Throwable failure) {
                if (context == null) {
                    context = new RetryContext(this, current, startNanos);
                }
                if (!context.retryAfter(failure)) {
                    throw failure;
                }
            }
        }
    }

    @Override
    public void run(Runnable runnable) {
        call(runnable, null, RUNNABLE);
    }

    @Override
    public <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return new AsyncRetry<>(supplier, start(), scheduler).start();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    long nanoTime() {
        return timeSource.nanoTime();
    }

    void succeeded(int attempts) {
        statistics.succeeded(attempts);
        if (attempts > 1 && events.wants(EventType.SUCCESS)) {
            events.publish(new RetryEvent.Success(name, timeSource.epochMillis(), attempts));
        }
    }

    void failed(int attempts) {
        statistics.failed(attempts);
    }

    void retrying(int attempt, long delayNanos, Throwable failure) {
        statistics.retried();
        if (events.wants(EventType.RETRY)) {
            events.publish(new RetryEvent.Retrying(name, timeSource.epochMillis(), attempt, delayNanos,
                    failure.getClass().getName(), events.messageOf(failure)));
        }
    }

    void retryWithdrawn() {
        statistics.retryWithdrawn();
    }

    void exhausted(int attempts, Throwable failure, Reason reason) {
        if (events.wants(EventType.EXHAUSTED)) {
            events.publish(new RetryEvent.Exhausted(name, timeSource.epochMillis(), attempts,
                    failure.getClass().getName(), events.messageOf(failure), reason));
        }
    }

    void ignored(int attempts, Throwable failure) {
        if (events.wants(EventType.IGNORED)) {
            events.publish(new RetryEvent.Ignored(name, timeSource.epochMillis(), attempts, failure.getClass().getName(),
                    events.messageOf(failure)));
        }
    }

    @Override
    public String toString() {
        return "Retry[" + name + "]";
    }
}
