package dev.resilience.bulkhead;

import static dev.resilience.ConfigChecks.atLeast;
import static dev.resilience.ConfigChecks.notNegative;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable configuration of one bulkhead. Built with {@link #builder()}; every value is checked in
 * {@link Builder#build()}, which throws {@link InvalidConfigurationException} naming the property (kebab
 * case, as in {@code application.yml}) and the bad value. Thread safe.
 *
 * <p>A caller that finds every slot taken waits in a FIFO queue when {@code max-queue-size} and
 * {@code max-wait-duration} are both greater than zero; with a zero queue it is rejected at once with
 * {@code QUEUE_FULL}, with a queue but a zero wait it is rejected at once with {@code QUEUE_TIMEOUT} (its
 * allowed wait, zero, is over).
 */
public final class BulkheadConfig {

    private final int maxConcurrentCalls;
    private final int maxQueueSize;
    private final Duration maxWaitDuration;
    private final int maxKeys;
    private final boolean writableStackTrace;
    private final AdaptiveLimitConfig adaptive;

    private BulkheadConfig(Builder b) {
        this.maxConcurrentCalls = b.maxConcurrentCalls;
        this.maxQueueSize = b.maxQueueSize;
        this.maxWaitDuration = b.maxWaitDuration;
        this.maxKeys = b.maxKeys;
        this.writableStackTrace = b.writableStackTrace;
        this.adaptive = b.adaptive;
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
     * The built-in defaults: 25 concurrent calls, no queue.
     *
     * @return a configuration with every default value
     */
    public static BulkheadConfig defaults() {
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

    /** @return the most calls that run at once (default 25) */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /** @return the most callers that wait for a slot; 0 = reject at once (default 0) */
    public int maxQueueSize() {
        return maxQueueSize;
    }

    /** @return how long a queued caller waits for a slot before {@code QUEUE_TIMEOUT} (default 0) */
    public Duration maxWaitDuration() {
        return maxWaitDuration;
    }

    /** @return the bound on keyed instances per name (default 1000) */
    public int maxKeys() {
        return maxKeys;
    }

    /** @return whether rejections capture a stack trace (default false) */
    public boolean writableStackTrace() {
        return writableStackTrace;
    }

    /** @return the adaptive concurrency limit's settings (default {@link AdaptiveLimitConfig#DISABLED}) */
    public AdaptiveLimitConfig adaptive() {
        return adaptive;
    }

    /**
     * Whether a caller that finds every slot taken may wait in the queue: both {@code max-queue-size} and
     * {@code max-wait-duration} are greater than zero.
     *
     * @return {@code true} if callers queue
     */
    public boolean queueing() {
        return maxQueueSize > 0 && !maxWaitDuration.isZero();
    }

    /**
     * The values in effect, with camelCase keys in declaration order; durations stay {@link Duration}.
     *
     * @return a new ordered map
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("maxConcurrentCalls", maxConcurrentCalls);
        map.put("maxQueueSize", maxQueueSize);
        map.put("maxWaitDuration", maxWaitDuration);
        map.put("maxKeys", maxKeys);
        map.put("writableStackTrace", writableStackTrace);
        adaptive.putInto(map);
        return map;
    }

    @Override
    public String toString() {
        return "BulkheadConfig" + asMap();
    }

    /** Collects values; {@link #build()} validates them. Not thread safe. */
    public static final class Builder {

        private int maxConcurrentCalls = 25;
        private int maxQueueSize;
        private Duration maxWaitDuration = Duration.ZERO;
        private int maxKeys = 1000;
        private boolean writableStackTrace;
        private AdaptiveLimitConfig adaptive = AdaptiveLimitConfig.DISABLED;

        private Builder() {
        }

        private Builder(BulkheadConfig c) {
            maxConcurrentCalls = c.maxConcurrentCalls;
            maxQueueSize = c.maxQueueSize;
            maxWaitDuration = c.maxWaitDuration;
            maxKeys = c.maxKeys;
            writableStackTrace = c.writableStackTrace;
            adaptive = c.adaptive;
        }

        /**
         * @param value at least 1
         * @return this builder
         */
        public Builder maxConcurrentCalls(int value) {
            maxConcurrentCalls = value;
            return this;
        }

        /**
         * @param value at least 0; 0 = reject at once when every slot is taken
         * @return this builder
         */
        public Builder maxQueueSize(int value) {
            maxQueueSize = value;
            return this;
        }

        /**
         * @param value zero or more; waits beyond about 146 years are capped there
         * @return this builder
         */
        public Builder maxWaitDuration(Duration value) {
            maxWaitDuration = value;
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
         * @param value the adaptive limit's settings (validated by their own builder)
         * @return this builder
         */
        public Builder adaptive(AdaptiveLimitConfig value) {
            adaptive = Objects.requireNonNull(value, "adaptive");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws InvalidConfigurationException naming the first bad property and its value
         */
        public BulkheadConfig build() {
            atLeast("max-concurrent-calls", maxConcurrentCalls, 1);
            atLeast("max-queue-size", maxQueueSize, 0);
            notNegative("max-wait-duration", maxWaitDuration);
            atLeast("max-keys", maxKeys, 1);
            if (adaptive.enabled() && adaptive.minConcurrentCalls() > maxConcurrentCalls) {
                throw new InvalidConfigurationException("adaptive.min-concurrent-calls", adaptive.minConcurrentCalls(),
                        "must not exceed max-concurrent-calls (" + maxConcurrentCalls + "), the adaptive limit's upper bound");
            }
            return new BulkheadConfig(this);
        }
    }
}
