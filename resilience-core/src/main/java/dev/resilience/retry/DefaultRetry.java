package dev.resilience.retry;

import dev.resilience.ExceptionFilter;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.retry.RetryEvent.Exhausted.Reason;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The retry: configuration resolved once (delays, exception filter, budget), statistics and events.
 * The per-call logic lives in {@link RetryContext}; this class is what every context shares, and it holds
 * no per-call state, so it needs no lock.
 */
final class DefaultRetry implements Retry {

    private final String name;
    private final RetryConfig config;
    private final TimeSource timeSource;
    private final Scheduler scheduler;
    private final BackoffDelays delays;
    private final ExceptionFilter retryable;
    private final RetryBudget budget;
    private final int maxAttempts;
    private final long maxDurationNanos;
    private final RetryStatistics statistics = new RetryStatistics();
    private final EventPublisher<RetryEvent> events = new EventPublisher<>();

    DefaultRetry(String name, RetryConfig config, TimeSource timeSource, Scheduler scheduler, DoubleSupplier random) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.delays = new BackoffDelays(config, Objects.requireNonNull(random, "random"));
        List<Class<? extends Throwable>> retried = config.retryExceptions().isEmpty()
                ? List.of(Exception.class) : config.retryExceptions();
        List<Class<? extends Throwable>> neverRetried = new ArrayList<>(RetryConfig.NEVER_RETRIED);
        neverRetried.addAll(config.ignoreExceptions());
        this.retryable = ExceptionFilter.of(retried, neverRetried);
        this.budget = config.budgetRatio() > 0
                ? new RetryBudget(config.budgetRatio(), config.budgetMinRetriesPerSecond(), timeSource.nanoTime())
                : null;
        this.maxAttempts = config.maxAttempts();
        this.maxDurationNanos = Durations.saturatedNanos(config.maxDuration());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RetryConfig config() {
        return config;
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
        if (budget != null) {
            budget.reset();
        }
    }

    @Override
    public Context start() {
        long startNanos = 0;
        if (maxDurationNanos > 0 || budget != null) {
            startNanos = timeSource.nanoTime();
            if (budget != null) {
                budget.recordFirstAttempt(startNanos);
            }
        }
        return new RetryContext(this, startNanos);
    }

    @Override
    public <T> T call(Callable<T> callable) throws Exception {
        Context context = start();
        while (true) {
            try {
                T result = callable.call();
                context.onSuccess();
                return result;
            } catch (Throwable failure) {
                long delay = context.onFailure(failure);
                if (delay < 0 || !context.awaitRetry(delay)) {
                    throw failure;
                }
            }
        }
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        Context context = start();
        while (true) {
            try {
                T result = supplier.get();
                context.onSuccess();
                return result;
            } catch (Throwable failure) {
                long delay = context.onFailure(failure);
                if (delay < 0 || !context.awaitRetry(delay)) {
                    throw failure;
                }
            }
        }
    }

    @Override
    public void run(Runnable runnable) {
        get(() -> {
            runnable.run();
            return null;
        });
    }

    @Override
    public <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return new AsyncRetry<>(supplier, start(), scheduler).start();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    long maxDurationNanos() {
        return maxDurationNanos;
    }

    long nanoTime() {
        return timeSource.nanoTime();
    }

    boolean isRetryable(Throwable failure) {
        return retryable.test(failure);
    }

    long delayNanos(int retryNumber) {
        return delays.delayNanos(retryNumber);
    }

    boolean hasBudget() {
        return budget != null;
    }

    boolean tryAcquireRetry(long nowNanos) {
        return budget.tryAcquireRetry(nowNanos);
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
