package dev.resilience.retry;

import dev.resilience.ExceptionFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * What one configuration resolves to, computed once per configuration: delays, the exception filter,
 * attempt and time limits, and the budget (which may share its counts with the previous configuration's).
 * Immutable. A call reads the instance's policy once, when it starts, and keeps it to its end, so a
 * reconfiguration never changes a call in flight.
 */
final class RetryPolicy {

    final RetryConfig config;
    final BackoffDelays delays;
    final ExceptionFilter retryable;
    final RetryBudget budget;
    final int maxAttempts;
    final long maxDurationNanos;

    private RetryPolicy(RetryConfig config, DoubleSupplier random, RetryBudget budget) {
        this.config = config;
        this.delays = new BackoffDelays(config, random);
        List<Class<? extends Throwable>> retried = config.retryExceptions().isEmpty()
                ? List.of(Exception.class) : config.retryExceptions();
        List<Class<? extends Throwable>> neverRetried = new ArrayList<>(RetryConfig.NEVER_RETRIED);
        neverRetried.addAll(config.ignoreExceptions());
        this.retryable = ExceptionFilter.of(retried, neverRetried);
        this.budget = budget;
        this.maxAttempts = config.maxAttempts();
        this.maxDurationNanos = Durations.saturatedNanos(config.maxDuration());
    }

    /** The first policy of an instance; its budget window starts at {@code originNanos}. */
    static RetryPolicy initial(RetryConfig config, DoubleSupplier random, long originNanos) {
        RetryBudget budget = config.budgetRatio() > 0
                ? new RetryBudget(config.budgetRatio(), config.budgetMinRetriesPerSecond(), originNanos)
                : null;
        return new RetryPolicy(config, random, budget);
    }

    /**
     * The policy of a new configuration. The budget keeps the counts of the last 10 seconds when it was
     * on before and stays on (only its ratio and minimum change); turned on, it starts with an empty
     * window at {@code nowNanos}.
     */
    RetryPolicy next(RetryConfig newConfig, DoubleSupplier random, long nowNanos) {
        RetryBudget nextBudget = null;
        if (newConfig.budgetRatio() > 0) {
            nextBudget = budget != null
                    ? budget.withLimits(newConfig.budgetRatio(), newConfig.budgetMinRetriesPerSecond())
                    : new RetryBudget(newConfig.budgetRatio(), newConfig.budgetMinRetriesPerSecond(), nowNanos);
        }
        return new RetryPolicy(newConfig, random, nextBudget);
    }
}
