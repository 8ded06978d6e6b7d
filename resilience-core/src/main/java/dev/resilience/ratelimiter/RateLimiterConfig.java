package dev.resilience.ratelimiter;

import static dev.resilience.ConfigChecks.atLeast;
import static dev.resilience.ConfigChecks.notNegative;
import static dev.resilience.ConfigChecks.positive;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The immutable configuration of one rate limiter. Built with {@link #builder()}; every value is checked in
 * {@link Builder#build()}, which throws {@link InvalidConfigurationException} naming the property (kebab
 * case, as in {@code application.yml}) and the bad value. Thread safe.
 *
 * <p>At most {@code limit-for-period} calls start in each {@code limit-refresh-period}; see
 * {@link RateLimiter} for how periods are laid out. The limit may not exceed one permit per nanosecond of
 * the period (a billion per second), which keeps the limiter's permit numbering within 64 bits for as long
 * as a monotonic clock runs.
 */
public final class RateLimiterConfig {

    private final int limitForPeriod;
    private final Duration limitRefreshPeriod;
    private final Duration timeoutDuration;
    private final int maxKeys;
    private final boolean writableStackTrace;

    private RateLimiterConfig(Builder b) {
        this.limitForPeriod = b.limitForPeriod;
        this.limitRefreshPeriod = b.limitRefreshPeriod;
        this.timeoutDuration = b.timeoutDuration;
        this.maxKeys = b.maxKeys;
        this.writableStackTrace = b.writableStackTrace;
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
     * The built-in defaults: 50 calls per second, no waiting.
     *
     * @return a configuration with every default value
     */
    public static RateLimiterConfig defaults() {
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

    /** @return the calls that may start in one period (default 50) */
    public int limitForPeriod() {
        return limitForPeriod;
    }

    /** @return the length of one period (default 1s) */
    public Duration limitRefreshPeriod() {
        return limitRefreshPeriod;
    }

    /** @return how long a caller may wait for a permit; 0 = not at all (default 0) */
    public Duration timeoutDuration() {
        return timeoutDuration;
    }

    /** @return the bound on keyed instances per name (default 1000) */
    public int maxKeys() {
        return maxKeys;
    }

    /** @return whether rejections capture a stack trace (default false) */
    public boolean writableStackTrace() {
        return writableStackTrace;
    }

    /**
     * The values in effect, with camelCase keys in declaration order; durations stay {@link Duration}.
     *
     * @return a new ordered map
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("limitForPeriod", limitForPeriod);
        map.put("limitRefreshPeriod", limitRefreshPeriod);
        map.put("timeoutDuration", timeoutDuration);
        map.put("maxKeys", maxKeys);
        map.put("writableStackTrace", writableStackTrace);
        return map;
    }

    @Override
    public String toString() {
        return "RateLimiterConfig" + asMap();
    }

    /** Collects values; {@link #build()} validates them. Not thread safe. */
    public static final class Builder {

        private int limitForPeriod = 50;
        private Duration limitRefreshPeriod = Duration.ofSeconds(1);
        private Duration timeoutDuration = Duration.ZERO;
        private int maxKeys = 1000;
        private boolean writableStackTrace;

        private Builder() {
        }

        private Builder(RateLimiterConfig c) {
            limitForPeriod = c.limitForPeriod;
            limitRefreshPeriod = c.limitRefreshPeriod;
            timeoutDuration = c.timeoutDuration;
            maxKeys = c.maxKeys;
            writableStackTrace = c.writableStackTrace;
        }

        /**
         * @param value at least 1, at most one per nanosecond of the period
         * @return this builder
         */
        public Builder limitForPeriod(int value) {
            limitForPeriod = value;
            return this;
        }

        /**
         * @param value greater than zero, at most about 292 years
         * @return this builder
         */
        public Builder limitRefreshPeriod(Duration value) {
            limitRefreshPeriod = value;
            return this;
        }

        /**
         * @param value zero or more; waits beyond about 146 years are capped there
         * @return this builder
         */
        public Builder timeoutDuration(Duration value) {
            timeoutDuration = value;
            return this;
        }

        /**
         * @param value at least 1
         * @return this builder
         */
        public Builder maxKeys(int value) {
            maxKeys = value;
            return this;
        }

        /**
         * @param value whether rejections capture a stack trace
         * @return this builder
         */
        public Builder writableStackTrace(boolean value) {
            writableStackTrace = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws InvalidConfigurationException naming the first bad property and its value
         */
        public RateLimiterConfig build() {
            atLeast("limit-for-period", limitForPeriod, 1);
            positive("limit-refresh-period", limitRefreshPeriod);
            long periodNanos;
            try {
                periodNanos = limitRefreshPeriod.toNanos();
            } catch (ArithmeticException tooLong) {
                throw new InvalidConfigurationException("limit-refresh-period", limitRefreshPeriod,
                        "must be at most " + Duration.ofNanos(Long.MAX_VALUE) + " (64-bit nanoseconds)");
            }
            if (limitForPeriod > periodNanos) {
                throw new InvalidConfigurationException("limit-for-period", limitForPeriod,
                        "must not exceed the nanoseconds in limit-refresh-period (" + limitRefreshPeriod
                                + "): at most one permit per nanosecond");
            }
            notNegative("timeout-duration", timeoutDuration);
            atLeast("max-keys", maxKeys, 1);
            return new RateLimiterConfig(this);
        }
    }
}
