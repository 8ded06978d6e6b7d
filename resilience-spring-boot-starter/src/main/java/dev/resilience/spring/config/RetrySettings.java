package dev.resilience.spring.config;

import dev.resilience.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of one retry, as written under {@code resilience.retry.defaults}, {@code .presets.<preset>} and
 * {@code .instances.<name>}. Field initializers are the built-in defaults (the same as
 * {@link dev.resilience.retry.RetryConfig#defaults()}). Mapped to the core configuration in one place,
 * {@link RetryMapping}.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class RetrySettings extends InstanceSettings {

    /** Attempts in all, the first call included. At least 1 (1 turns retrying off). */
    private int maxAttempts = 3;

    /** How the wait grows from one retry to the next: EXPONENTIAL (wait-duration x multiplier^(n-1)), LINEAR (wait-duration x n) or FIXED. */
    private Backoff backoff = Backoff.EXPONENTIAL;

    /** The wait before the first retry, before jitter. Zero or more. */
    private Duration waitDuration = Duration.ofMillis(500);

    /** The factor between two EXPONENTIAL waits. At least 1.0. */
    private double multiplier = 2.0;

    /** The cap on one wait, jitter included. Zero or more. */
    private Duration maxWaitDuration = Duration.ofSeconds(30);

    /** Each wait is drawn uniformly from +/- this fraction around its nominal value. In [0, 1). */
    private double jitter = 0.2;

    /** The time budget of a whole call from the start of its first attempt; no retry starts whose wait would end past it. 0 means none. */
    private Duration maxDuration = Duration.ZERO;

    /** Fully-qualified class names of the exceptions that are retried (subclasses included); empty means every Exception. */
    private List<String> retryExceptions = new ArrayList<>();

    /** Fully-qualified class names of exceptions that are never retried (subclasses included); they win over retry-exceptions. CircuitBreakerOpenException, BulkheadFullException and RateLimitExceededException are never retried. */
    private List<String> ignoreExceptions = new ArrayList<>();

    /** The retry budget, shared by all calls of the instance. */
    private final Budget budget = new Budget();

    /** @return attempts in all, the first included */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** @param maxAttempts attempts in all, the first included */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** @return how waits grow */
    public Backoff getBackoff() {
        return backoff;
    }

    /** @param backoff how waits grow */
    public void setBackoff(Backoff backoff) {
        this.backoff = backoff;
    }

    /** @return the first wait */
    public Duration getWaitDuration() {
        return waitDuration;
    }

    /** @param waitDuration the first wait */
    public void setWaitDuration(Duration waitDuration) {
        this.waitDuration = waitDuration;
    }

    /** @return the factor between exponential waits */
    public double getMultiplier() {
        return multiplier;
    }

    /** @param multiplier the factor between exponential waits */
    public void setMultiplier(double multiplier) {
        this.multiplier = multiplier;
    }

    /** @return the cap on one wait */
    public Duration getMaxWaitDuration() {
        return maxWaitDuration;
    }

    /** @param maxWaitDuration the cap on one wait */
    public void setMaxWaitDuration(Duration maxWaitDuration) {
        this.maxWaitDuration = maxWaitDuration;
    }

    /** @return the jitter fraction */
    public double getJitter() {
        return jitter;
    }

    /** @param jitter the jitter fraction */
    public void setJitter(double jitter) {
        this.jitter = jitter;
    }

    /** @return the time budget of a whole call, zero for none */
    public Duration getMaxDuration() {
        return maxDuration;
    }

    /** @param maxDuration the time budget of a whole call, zero for none */
    public void setMaxDuration(Duration maxDuration) {
        this.maxDuration = maxDuration;
    }

    /** @return class names of the retried exceptions */
    public List<String> getRetryExceptions() {
        return retryExceptions;
    }

    /** @param retryExceptions class names of the retried exceptions */
    public void setRetryExceptions(List<String> retryExceptions) {
        this.retryExceptions = retryExceptions;
    }

    /** @return class names of the exceptions never retried */
    public List<String> getIgnoreExceptions() {
        return ignoreExceptions;
    }

    /** @param ignoreExceptions class names of the exceptions never retried */
    public void setIgnoreExceptions(List<String> ignoreExceptions) {
        this.ignoreExceptions = ignoreExceptions;
    }

    /** @return the retry budget's keys ({@code budget.*}) */
    public Budget getBudget() {
        return budget;
    }

    /**
     * The keys under {@code budget}: over a sliding 10 s, the retries of an instance may not exceed
     * {@code ratio} of its first attempts plus {@code min-retries-per-second} x 10.
     */
    public static class Budget {

        /** Retries allowed per first attempt over a sliding 10 s, e.g. 0.2. 0 turns the budget off. At least 0. */
        private double ratio = 0;

        /** Retries per second the budget always allows, whatever the ratio. At least 0. */
        private double minRetriesPerSecond = 10;

        /** @return the ratio, 0 for no budget */
        public double getRatio() {
            return ratio;
        }

        /** @param ratio the ratio, 0 for no budget */
        public void setRatio(double ratio) {
            this.ratio = ratio;
        }

        /** @return retries per second always allowed */
        public double getMinRetriesPerSecond() {
            return minRetriesPerSecond;
        }

        /** @param minRetriesPerSecond retries per second always allowed */
        public void setMinRetriesPerSecond(double minRetriesPerSecond) {
            this.minRetriesPerSecond = minRetriesPerSecond;
        }
    }
}
