package dev.resilience.retry;

import static dev.resilience.ConfigChecks.atLeast;
import static dev.resilience.ConfigChecks.notNegative;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.InvalidConfigurationException;
import dev.resilience.RateLimitExceededException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable configuration of one retry. Built with {@link #builder()}; every value is checked in
 * {@link Builder#build()}, which throws {@link InvalidConfigurationException} naming the property (kebab
 * case, as in {@code application.yml}, e.g. {@code budget.ratio}) and the bad value. Thread safe.
 *
 * <p>Which failures are retried: with {@link #retryExceptions()} empty, every {@link Exception} (not
 * {@link Error}); otherwise those classes and their subclasses. {@link #ignoreExceptions()} wins over it,
 * and {@link #NEVER_RETRIED} are never retried whatever the lists say.
 */
public final class RetryConfig {

    /** Rejections by the other patterns: retrying them would only add load (SPEC §4). */
    public static final List<Class<? extends Throwable>> NEVER_RETRIED = List.of(
            CircuitBreakerOpenException.class, BulkheadFullException.class, RateLimitExceededException.class);

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration waitDuration;
    private final double multiplier;
    private final Duration maxWaitDuration;
    private final double jitter;
    private final Duration maxDuration;
    private final List<Class<? extends Throwable>> retryExceptions;
    private final List<Class<? extends Throwable>> ignoreExceptions;
    private final double budgetRatio;
    private final double budgetMinRetriesPerSecond;

    private RetryConfig(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.waitDuration = b.waitDuration;
        this.multiplier = b.multiplier;
        this.maxWaitDuration = b.maxWaitDuration;
        this.jitter = b.jitter;
        this.maxDuration = b.maxDuration;
        this.retryExceptions = b.retryExceptions;
        this.ignoreExceptions = b.ignoreExceptions;
        this.budgetRatio = b.budgetRatio;
        this.budgetMinRetriesPerSecond = b.budgetMinRetriesPerSecond;
    }

    /**
     * A builder with the built-in defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The built-in defaults.
     *
     * @return a configuration with every default value
     */
    public static RetryConfig defaults() {
        return builder().build();
    }

    /**
     * A builder that starts from this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return attempts in all, the first call included (default 3) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return how the wait grows from one retry to the next (default {@link Backoff#EXPONENTIAL}) */
    public Backoff backoff() {
        return backoff;
    }

    /** @return the wait before the first retry, before jitter (default 500ms) */
    public Duration waitDuration() {
        return waitDuration;
    }

    /** @return the factor between two exponential waits (default 2.0) */
    public double multiplier() {
        return multiplier;
    }

    /** @return the cap on one wait, jitter included (default 30s) */
    public Duration maxWaitDuration() {
        return maxWaitDuration;
    }

    /** @return each wait is drawn uniformly from {@code ±jitter} around its nominal value, in [0, 1) (default 0.2) */
    public double jitter() {
        return jitter;
    }

    /**
     * The time budget of a whole call, measured from the start of its first attempt; no retry starts whose
     * wait would end past it. {@link Duration#ZERO} means none (the default).
     *
     * @return the budget
     */
    public Duration maxDuration() {
        return maxDuration;
    }

    /** @return the retried exceptions (with subclasses); empty means every {@link Exception} (default) */
    public List<Class<? extends Throwable>> retryExceptions() {
        return retryExceptions;
    }

    /** @return exceptions never retried (with subclasses); they win over {@link #retryExceptions()} */
    public List<Class<? extends Throwable>> ignoreExceptions() {
        return ignoreExceptions;
    }

    /**
     * The retry budget: over a sliding 10 s, retries may not exceed this fraction of first attempts plus
     * {@link #budgetMinRetriesPerSecond()} × 10. 0 turns the budget off (the default).
     *
     * @return the ratio, at least 0
     */
    public double budgetRatio() {
        return budgetRatio;
    }

    /** @return retries per second always allowed by the budget, whatever the ratio (default 10) */
    public double budgetMinRetriesPerSecond() {
        return budgetMinRetriesPerSecond;
    }

    /**
     * The values in effect, with camelCase keys in declaration order; durations stay {@link Duration},
     * exception lists become class names.
     *
     * @return a new ordered map
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("maxAttempts", maxAttempts);
        map.put("backoff", backoff.name());
        map.put("waitDuration", waitDuration);
        map.put("multiplier", multiplier);
        map.put("maxWaitDuration", maxWaitDuration);
        map.put("jitter", jitter);
        map.put("maxDuration", maxDuration);
        map.put("retryExceptions", retryExceptions.stream().map(Class::getName).toList());
        map.put("ignoreExceptions", ignoreExceptions.stream().map(Class::getName).toList());
        map.put("budgetRatio", budgetRatio);
        map.put("budgetMinRetriesPerSecond", budgetMinRetriesPerSecond);
        return map;
    }

    @Override
    public String toString() {
        return "RetryConfig" + asMap();
    }

    /** Collects values; {@link #build()} validates them. Not thread safe. */
    public static final class Builder {

        private int maxAttempts = 3;
        private Backoff backoff = Backoff.EXPONENTIAL;
        private Duration waitDuration = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxWaitDuration = Duration.ofSeconds(30);
        private double jitter = 0.2;
        private Duration maxDuration = Duration.ZERO;
        private List<Class<? extends Throwable>> retryExceptions = List.of();
        private List<Class<? extends Throwable>> ignoreExceptions = List.of();
        private double budgetRatio;
        private double budgetMinRetriesPerSecond = 10;

        private Builder() {
        }

        private Builder(RetryConfig c) {
            maxAttempts = c.maxAttempts;
            backoff = c.backoff;
            waitDuration = c.waitDuration;
            multiplier = c.multiplier;
            maxWaitDuration = c.maxWaitDuration;
            jitter = c.jitter;
            maxDuration = c.maxDuration;
            retryExceptions = c.retryExceptions;
            ignoreExceptions = c.ignoreExceptions;
            budgetRatio = c.budgetRatio;
            budgetMinRetriesPerSecond = c.budgetMinRetriesPerSecond;
        }

        /**
         * Sets {@code max-attempts}.
         *
         * @param value attempts in all, the first included; at least 1
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /**
         * Sets {@code backoff}.
         *
         * @param value how waits grow
         * @return this builder
         */
        public Builder backoff(Backoff value) {
            backoff = Objects.requireNonNull(value, "backoff");
            return this;
        }

        /**
         * Sets {@code wait-duration}.
         *
         * @param value the first wait, at least zero
         * @return this builder
         */
        public Builder waitDuration(Duration value) {
            waitDuration = value;
            return this;
        }

        /**
         * Sets {@code multiplier}.
         *
         * @param value at least 1.0
         * @return this builder
         */
        public Builder multiplier(double value) {
            multiplier = value;
            return this;
        }

        /**
         * Sets {@code max-wait-duration}.
         *
         * @param value the cap on one wait, at least zero
         * @return this builder
         */
        public Builder maxWaitDuration(Duration value) {
            maxWaitDuration = value;
            return this;
        }

        /**
         * Sets {@code jitter}.
         *
         * @param value in [0, 1)
         * @return this builder
         */
        public Builder jitter(double value) {
            jitter = value;
            return this;
        }

        /**
         * Sets {@code max-duration}.
         *
         * @param value the budget of a whole call, zero for none
         * @return this builder
         */
        public Builder maxDuration(Duration value) {
            maxDuration = value;
            return this;
        }

        /**
         * Sets {@code retry-exceptions}.
         *
         * @param value the retried exceptions; empty = every {@link Exception}
         * @return this builder
         */
        public Builder retryExceptions(List<Class<? extends Throwable>> value) {
            retryExceptions = List.copyOf(value);
            return this;
        }

        /**
         * Sets {@code ignore-exceptions}.
         *
         * @param value exceptions never retried
         * @return this builder
         */
        public Builder ignoreExceptions(List<Class<? extends Throwable>> value) {
            ignoreExceptions = List.copyOf(value);
            return this;
        }

        /**
         * Sets {@code budget.ratio}.
         *
         * @param value at least 0; 0 turns the budget off
         * @return this builder
         */
        public Builder budgetRatio(double value) {
            budgetRatio = value;
            return this;
        }

        /**
         * Sets {@code budget.min-retries-per-second}.
         *
         * @param value at least 0
         * @return this builder
         */
        public Builder budgetMinRetriesPerSecond(double value) {
            budgetMinRetriesPerSecond = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws InvalidConfigurationException naming the first bad property and its value
         */
        public RetryConfig build() {
            atLeast("max-attempts", maxAttempts, 1);
            notNegative("wait-duration", waitDuration);
            atLeast("multiplier", multiplier, 1.0);
            notNegative("max-wait-duration", maxWaitDuration);
            if (!(jitter >= 0 && jitter < 1)) {
                throw new InvalidConfigurationException("jitter", jitter, "must be in [0, 1)");
            }
            notNegative("max-duration", maxDuration);
            atLeast("budget.ratio", budgetRatio, 0.0);
            atLeast("budget.min-retries-per-second", budgetMinRetriesPerSecond, 0.0);
            return new RetryConfig(this);
        }
    }
}
