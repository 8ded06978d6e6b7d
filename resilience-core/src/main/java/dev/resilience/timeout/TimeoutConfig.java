package dev.resilience.timeout;

import static dev.resilience.ConfigChecks.positive;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The immutable configuration of one timeout. Built with {@link #builder()}; every value is checked in
 * {@link Builder#build()}, which throws {@link InvalidConfigurationException} naming the property (kebab
 * case, as in {@code application.yml}) and the bad value. Thread safe.
 */
public final class TimeoutConfig {

    private final Duration duration;
    private final long durationNanos;
    private final boolean cancelRunning;
    private final boolean writableStackTrace;

    private TimeoutConfig(Builder b) {
        this.duration = b.duration;
        this.durationNanos = saturatedNanos(b.duration);
        this.cancelRunning = b.cancelRunning;
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
     * The built-in defaults.
     *
     * @return a configuration with every default value
     */
    public static TimeoutConfig defaults() {
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

    /** @return how long a call may run (default 1s) */
    public Duration duration() {
        return duration;
    }

    /** @return {@link #duration()} in nanoseconds, saturated at {@link Long#MAX_VALUE} */
    long durationNanos() {
        return durationNanos;
    }

    /**
     * Whether a timed-out call is cut short: a synchronous call's thread is interrupted, an asynchronous
     * call's future is cancelled (default true).
     *
     * @return whether running calls are cancelled at the deadline
     */
    public boolean cancelRunning() {
        return cancelRunning;
    }

    /** @return whether {@link dev.resilience.TimeoutExceededException} captures a stack trace (default false) */
    public boolean writableStackTrace() {
        return writableStackTrace;
    }

    /**
     * The values in effect, with camelCase keys in declaration order; the duration stays a {@link Duration}.
     *
     * @return a new ordered map
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("duration", duration);
        map.put("cancelRunning", cancelRunning);
        map.put("writableStackTrace", writableStackTrace);
        return map;
    }

    @Override
    public String toString() {
        return "TimeoutConfig" + asMap();
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** Collects values; {@link #build()} validates them. Not thread safe. */
    public static final class Builder {

        private Duration duration = Duration.ofSeconds(1);
        private boolean cancelRunning = true;
        private boolean writableStackTrace;

        private Builder() {
        }

        private Builder(TimeoutConfig c) {
            duration = c.duration;
            cancelRunning = c.cancelRunning;
            writableStackTrace = c.writableStackTrace;
        }

        /**
         * Sets {@code duration}.
         *
         * @param value greater than zero
         * @return this builder
         */
        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        /**
         * Sets {@code cancel-running}.
         *
         * @param value whether to interrupt the thread / cancel the future at the deadline
         * @return this builder
         */
        public Builder cancelRunning(boolean value) {
            cancelRunning = value;
            return this;
        }

        /**
         * Sets {@code writable-stack-trace}.
         *
         * @param value whether the timeout exception captures a stack trace
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
         * @throws InvalidConfigurationException naming the bad property and its value
         */
        public TimeoutConfig build() {
            positive("duration", duration);
            return new TimeoutConfig(this);
        }
    }
}
