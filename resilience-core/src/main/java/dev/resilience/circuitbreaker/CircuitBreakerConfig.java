package dev.resilience.circuitbreaker;

import static dev.resilience.ConfigChecks.atLeast;
import static dev.resilience.ConfigChecks.notNegative;
import static dev.resilience.ConfigChecks.percentage;
import static dev.resilience.ConfigChecks.positive;

import dev.resilience.BulkheadFullException;
import dev.resilience.InvalidConfigurationException;
import dev.resilience.RateLimitExceededException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable configuration of one circuit breaker. Built with {@link #builder()}; every value is
 * checked in {@link Builder#build()}, which throws {@link InvalidConfigurationException} naming the
 * property (kebab case, as in {@code application.yml}) and the bad value. Thread safe.
 *
 * <p>Thresholds compare with {@code >=}: with a failure-rate threshold of 75, 3 failures out of 4 open
 * the breaker.
 */
public final class CircuitBreakerConfig {

    /** The largest count-based window: its counters are packed into 21-bit fields biased by 2^20. */
    public static final int MAX_COUNT_WINDOW = 1_000_000;
    /** The largest time-based window, in seconds (one day). */
    public static final int MAX_TIME_WINDOW_SECONDS = 86_400;

    private final SlidingWindowType slidingWindowType;
    private final int slidingWindowSize;
    private final int minimumNumberOfCalls;
    private final float failureRateThreshold;
    private final int consecutiveFailureThreshold;
    private final Duration slowCallDurationThreshold;
    private final float slowCallRateThreshold;
    private final Duration waitDurationInOpenState;
    private final double openStateBackoffMultiplier;
    private final Duration maxWaitDurationInOpenState;
    private final int permittedCallsInHalfOpenState;
    private final int successThreshold;
    private final List<Class<? extends Throwable>> recordExceptions;
    private final List<Class<? extends Throwable>> ignoreExceptions;
    private final StatusCodeSet failureStatusCodes;
    private final StatusResolver statusResolver;
    private final int maxKeys;
    private final boolean writableStackTrace;
    private final AdaptiveThresholdConfig adaptive;
    /** Derived from the values above, once per configuration, so keyed breakers share one cache. */
    private final OutcomeClassifier classifier;
    /** Derived once per configuration, so keyed breakers share one (only an adaptive breaker makes its own). */
    private final RateThresholds thresholds;

    private CircuitBreakerConfig(Builder b) {
        this.slidingWindowType = b.slidingWindowType;
        this.slidingWindowSize = b.slidingWindowSize;
        this.minimumNumberOfCalls = b.minimumNumberOfCalls;
        this.failureRateThreshold = b.failureRateThreshold;
        this.consecutiveFailureThreshold = b.consecutiveFailureThreshold;
        this.slowCallDurationThreshold = b.slowCallDurationThreshold;
        this.slowCallRateThreshold = b.slowCallRateThreshold;
        this.waitDurationInOpenState = b.waitDurationInOpenState;
        this.openStateBackoffMultiplier = b.openStateBackoffMultiplier;
        this.maxWaitDurationInOpenState = b.maxWaitDurationInOpenState;
        this.permittedCallsInHalfOpenState = b.permittedCallsInHalfOpenState;
        this.successThreshold = b.successThreshold;
        this.recordExceptions = List.copyOf(b.recordExceptions);
        this.ignoreExceptions = List.copyOf(b.ignoreExceptions);
        this.failureStatusCodes = b.failureStatusCodes;
        this.statusResolver = b.statusResolver;
        this.maxKeys = b.maxKeys;
        this.writableStackTrace = b.writableStackTrace;
        this.adaptive = b.adaptive;
        this.classifier = new OutcomeClassifier(this);
        this.thresholds = new RateThresholds(this);
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
    public static CircuitBreakerConfig defaults() {
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

    /** @return how the window is measured (default {@link SlidingWindowType#COUNT_BASED}) */
    public SlidingWindowType slidingWindowType() {
        return slidingWindowType;
    }

    /** @return the window size: calls for a count-based window, seconds for a time-based one (default 100) */
    public int slidingWindowSize() {
        return slidingWindowSize;
    }

    /** @return calls the window must hold before rates are computed (default 10) */
    public int minimumNumberOfCalls() {
        return minimumNumberOfCalls;
    }

    /** @return the failure rate, in percent, at or above which the breaker opens (default 50) */
    public float failureRateThreshold() {
        return failureRateThreshold;
    }

    /** @return failures in a row that open the breaker; 0 = off (default 0) */
    public int consecutiveFailureThreshold() {
        return consecutiveFailureThreshold;
    }

    /** @return calls taking at least this long are slow (default 60s) */
    public Duration slowCallDurationThreshold() {
        return slowCallDurationThreshold;
    }

    /** @return the slow-call rate, in percent, at or above which the breaker opens (default 100) */
    public float slowCallRateThreshold() {
        return slowCallRateThreshold;
    }

    /** @return how long the first OPEN lasts before probes are let through (default 60s) */
    public Duration waitDurationInOpenState() {
        return waitDurationInOpenState;
    }

    /** @return factor applied to the wait on each re-open from HALF_OPEN (default 1.0) */
    public double openStateBackoffMultiplier() {
        return openStateBackoffMultiplier;
    }

    /** @return cap on the open wait after backoff (default 5m) */
    public Duration maxWaitDurationInOpenState() {
        return maxWaitDurationInOpenState;
    }

    /** @return concurrent probes HALF_OPEN admits (default 3) */
    public int permittedCallsInHalfOpenState() {
        return permittedCallsInHalfOpenState;
    }

    /** @return successes in HALF_OPEN that close the breaker (default 3) */
    public int successThreshold() {
        return successThreshold;
    }

    /** @return if not empty, only these exceptions (and subclasses) are failures; others are successes */
    public List<Class<? extends Throwable>> recordExceptions() {
        return recordExceptions;
    }

    /**
     * The exceptions that are not recorded at all; they win over {@link #recordExceptions()}.
     * {@link BulkheadFullException} and {@link RateLimitExceededException} are always ignored in addition.
     *
     * @return the configured ignored exceptions
     */
    public List<Class<? extends Throwable>> ignoreExceptions() {
        return ignoreExceptions;
    }

    /** @return HTTP statuses that count as failures (default 500-599, 408, 429) */
    public StatusCodeSet failureStatusCodes() {
        return failureStatusCodes;
    }

    /** @return how a result's or exception's HTTP status is found (default: never) */
    public StatusResolver statusResolver() {
        return statusResolver;
    }

    /** @return the bound on keyed instances per name (default 1000) */
    public int maxKeys() {
        return maxKeys;
    }

    /** @return whether rejections capture a stack trace (default false) */
    public boolean writableStackTrace() {
        return writableStackTrace;
    }

    /** @return the adaptive failure-rate threshold's settings (default {@link AdaptiveThresholdConfig#DISABLED}) */
    public AdaptiveThresholdConfig adaptive() {
        return adaptive;
    }

    /** @return the classification rules derived from this configuration */
    OutcomeClassifier classifier() {
        return classifier;
    }

    /** @return the CLOSED state's rate rules derived from this configuration */
    RateThresholds thresholds() {
        return thresholds;
    }

    /**
     * The values in effect, with camelCase keys in declaration order; durations stay {@link Duration},
     * exception lists become class names.
     *
     * @return a new ordered map
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slidingWindowType", slidingWindowType.name());
        map.put("slidingWindowSize", slidingWindowSize);
        map.put("minimumNumberOfCalls", minimumNumberOfCalls);
        map.put("failureRateThreshold", failureRateThreshold);
        map.put("consecutiveFailureThreshold", consecutiveFailureThreshold);
        map.put("slowCallDurationThreshold", slowCallDurationThreshold);
        map.put("slowCallRateThreshold", slowCallRateThreshold);
        map.put("waitDurationInOpenState", waitDurationInOpenState);
        map.put("openStateBackoffMultiplier", openStateBackoffMultiplier);
        map.put("maxWaitDurationInOpenState", maxWaitDurationInOpenState);
        map.put("permittedCallsInHalfOpenState", permittedCallsInHalfOpenState);
        map.put("successThreshold", successThreshold);
        map.put("recordExceptions", recordExceptions.stream().map(Class::getName).toList());
        map.put("ignoreExceptions", ignoreExceptions.stream().map(Class::getName).toList());
        map.put("failureStatusCodes", failureStatusCodes.entries());
        map.put("maxKeys", maxKeys);
        map.put("writableStackTrace", writableStackTrace);
        adaptive.putInto(map);
        return map;
    }

    @Override
    public String toString() {
        return "CircuitBreakerConfig" + asMap();
    }

    /** Collects values; {@link #build()} validates them. Not thread safe. */
    public static final class Builder {

        private SlidingWindowType slidingWindowType = SlidingWindowType.COUNT_BASED;
        private int slidingWindowSize = 100;
        private int minimumNumberOfCalls = 10;
        private float failureRateThreshold = 50;
        private int consecutiveFailureThreshold;
        private Duration slowCallDurationThreshold = Duration.ofSeconds(60);
        private float slowCallRateThreshold = 100;
        private Duration waitDurationInOpenState = Duration.ofSeconds(60);
        private double openStateBackoffMultiplier = 1.0;
        private Duration maxWaitDurationInOpenState = Duration.ofMinutes(5);
        private int permittedCallsInHalfOpenState = 3;
        private int successThreshold = 3;
        private List<Class<? extends Throwable>> recordExceptions = List.of();
        private List<Class<? extends Throwable>> ignoreExceptions = List.of();
        private StatusCodeSet failureStatusCodes = StatusCodeSet.DEFAULT_FAILURES;
        private StatusResolver statusResolver = StatusResolver.NONE;
        private int maxKeys = 1000;
        private boolean writableStackTrace;
        private AdaptiveThresholdConfig adaptive = AdaptiveThresholdConfig.DISABLED;

        private Builder() {
        }

        private Builder(CircuitBreakerConfig c) {
            slidingWindowType = c.slidingWindowType;
            slidingWindowSize = c.slidingWindowSize;
            minimumNumberOfCalls = c.minimumNumberOfCalls;
            failureRateThreshold = c.failureRateThreshold;
            consecutiveFailureThreshold = c.consecutiveFailureThreshold;
            slowCallDurationThreshold = c.slowCallDurationThreshold;
            slowCallRateThreshold = c.slowCallRateThreshold;
            waitDurationInOpenState = c.waitDurationInOpenState;
            openStateBackoffMultiplier = c.openStateBackoffMultiplier;
            maxWaitDurationInOpenState = c.maxWaitDurationInOpenState;
            permittedCallsInHalfOpenState = c.permittedCallsInHalfOpenState;
            successThreshold = c.successThreshold;
            recordExceptions = c.recordExceptions;
            ignoreExceptions = c.ignoreExceptions;
            failureStatusCodes = c.failureStatusCodes;
            statusResolver = c.statusResolver;
            maxKeys = c.maxKeys;
            writableStackTrace = c.writableStackTrace;
            adaptive = c.adaptive;
        }

        /** @param value how the window is measured @return this builder */
        public Builder slidingWindowType(SlidingWindowType value) {
            slidingWindowType = Objects.requireNonNull(value, "sliding-window-type");
            return this;
        }

        /** @param value calls (count based) or seconds (time based), at least 1 @return this builder */
        public Builder slidingWindowSize(int value) {
            slidingWindowSize = value;
            return this;
        }

        /** @param value at least 1 @return this builder */
        public Builder minimumNumberOfCalls(int value) {
            minimumNumberOfCalls = value;
            return this;
        }

        /** @param value percent in (0, 100] @return this builder */
        public Builder failureRateThreshold(float value) {
            failureRateThreshold = value;
            return this;
        }

        /** @param value failures in a row, 0 = off @return this builder */
        public Builder consecutiveFailureThreshold(int value) {
            consecutiveFailureThreshold = value;
            return this;
        }

        /** @param value at least zero @return this builder */
        public Builder slowCallDurationThreshold(Duration value) {
            slowCallDurationThreshold = value;
            return this;
        }

        /** @param value percent in (0, 100] @return this builder */
        public Builder slowCallRateThreshold(float value) {
            slowCallRateThreshold = value;
            return this;
        }

        /** @param value greater than zero @return this builder */
        public Builder waitDurationInOpenState(Duration value) {
            waitDurationInOpenState = value;
            return this;
        }

        /** @param value at least 1.0 @return this builder */
        public Builder openStateBackoffMultiplier(double value) {
            openStateBackoffMultiplier = value;
            return this;
        }

        /** @param value at least {@code wait-duration-in-open-state} @return this builder */
        public Builder maxWaitDurationInOpenState(Duration value) {
            maxWaitDurationInOpenState = value;
            return this;
        }

        /** @param value at least 1 @return this builder */
        public Builder permittedCallsInHalfOpenState(int value) {
            permittedCallsInHalfOpenState = value;
            return this;
        }

        /** @param value at least 1 @return this builder */
        public Builder successThreshold(int value) {
            successThreshold = value;
            return this;
        }

        /** @param value exceptions recorded as failures; empty = every exception @return this builder */
        public Builder recordExceptions(List<Class<? extends Throwable>> value) {
            recordExceptions = List.copyOf(value);
            return this;
        }

        /** @param value exceptions not recorded at all @return this builder */
        public Builder ignoreExceptions(List<Class<? extends Throwable>> value) {
            ignoreExceptions = List.copyOf(value);
            return this;
        }

        /** @param value statuses that count as failures @return this builder */
        public Builder failureStatusCodes(StatusCodeSet value) {
            failureStatusCodes = Objects.requireNonNull(value, "failure-status-codes");
            return this;
        }

        /** @param value finds the HTTP status of results and exceptions @return this builder */
        public Builder statusResolver(StatusResolver value) {
            statusResolver = Objects.requireNonNull(value, "statusResolver");
            return this;
        }

        /** @param value at least 1 @return this builder */
        public Builder maxKeys(int value) {
            maxKeys = value;
            return this;
        }

        /** @param value whether rejections capture a stack trace @return this builder */
        public Builder writableStackTrace(boolean value) {
            writableStackTrace = value;
            return this;
        }

        /** @param value the adaptive threshold's settings (validated by their own builder) @return this builder */
        public Builder adaptive(AdaptiveThresholdConfig value) {
            adaptive = Objects.requireNonNull(value, "adaptive");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws InvalidConfigurationException naming the first bad property and its value
         */
        public CircuitBreakerConfig build() {
            int maxWindow = slidingWindowType == SlidingWindowType.COUNT_BASED ? MAX_COUNT_WINDOW : MAX_TIME_WINDOW_SECONDS;
            if (slidingWindowSize < 1 || slidingWindowSize > maxWindow) {
                throw new InvalidConfigurationException("sliding-window-size", slidingWindowSize,
                        "must be between 1 and " + maxWindow + " for a " + slidingWindowType + " window");
            }
            atLeast("minimum-number-of-calls", minimumNumberOfCalls, 1);
            if (slidingWindowType == SlidingWindowType.COUNT_BASED && minimumNumberOfCalls > slidingWindowSize) {
                throw new InvalidConfigurationException("minimum-number-of-calls", minimumNumberOfCalls,
                        "must not exceed sliding-window-size (" + slidingWindowSize
                                + ") of a COUNT_BASED window, or the breaker could never open on a rate");
            }
            percentage("failure-rate-threshold", failureRateThreshold);
            if (adaptive.enabled() && (failureRateThreshold < adaptive.minFailureRateThreshold()
                    || failureRateThreshold > adaptive.maxFailureRateThreshold())) {
                throw new InvalidConfigurationException("failure-rate-threshold", failureRateThreshold,
                        "is the adaptive threshold's starting value and must be within adaptive.min-failure-rate-threshold ("
                                + adaptive.minFailureRateThreshold() + ") and adaptive.max-failure-rate-threshold ("
                                + adaptive.maxFailureRateThreshold() + ")");
            }
            if (consecutiveFailureThreshold < 0) {
                throw new InvalidConfigurationException("consecutive-failure-threshold", consecutiveFailureThreshold,
                        "must be 0 (off) or at least 1");
            }
            notNegative("slow-call-duration-threshold", slowCallDurationThreshold);
            percentage("slow-call-rate-threshold", slowCallRateThreshold);
            positive("wait-duration-in-open-state", waitDurationInOpenState);
            atLeast("open-state-backoff-multiplier", openStateBackoffMultiplier, 1.0);
            positive("max-wait-duration-in-open-state", maxWaitDurationInOpenState);
            if (maxWaitDurationInOpenState.compareTo(waitDurationInOpenState) < 0) {
                throw new InvalidConfigurationException("max-wait-duration-in-open-state", maxWaitDurationInOpenState,
                        "must be at least wait-duration-in-open-state (" + waitDurationInOpenState + ")");
            }
            atLeast("permitted-calls-in-half-open-state", permittedCallsInHalfOpenState, 1);
            atLeast("success-threshold", successThreshold, 1);
            atLeast("max-keys", maxKeys, 1);
            return new CircuitBreakerConfig(this);
        }
    }
}
