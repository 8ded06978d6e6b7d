package dev.resilience.spring.config;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How one pattern's live instances are reconfigured: its instance type, its yml section, how to read and
 * replace an instance's configuration, how to derive a new configuration from the current one (through the
 * core builder, whose {@code build()} validates), and which scalar settings are not changed live (list
 * settings, such as exception lists, never are). Immutable. Adding a pattern is one more constant here.
 *
 * @param instanceType the instance type, such as {@code CircuitBreaker.class}
 * @param configType the core configuration type, such as {@code CircuitBreakerConfig.class}
 * @param section the section under {@code resilience.}, such as {@code circuitbreaker}
 * @param config reads an instance's configuration
 * @param values a configuration's settings by camelCase key ({@code asMap()})
 * @param apply applies a configuration to an instance, keeping its state: {@code reconfigure(config, principal)}
 * @param toBuilder a builder holding a configuration's values
 * @param build validates and builds ({@code InvalidConfigurationException} for a bad value)
 * @param notLive camelCase keys of scalar settings that are not changed on a live instance
 * @param <T> the instance type
 * @param <C> the core configuration type
 * @param <B> the core builder type
 */
public record LivePattern<T, C, B>(Class<T> instanceType, Class<C> configType, String section,
        Function<T, C> config, Function<C, Map<String, Object>> values, Reconfigure<T, C> apply, Function<C, B> toBuilder, Function<B, C> build, Set<String> notLive) {

    /** The circuit breaker: everything but {@code maxKeys} and {@code writableStackTrace}. */
    public static final LivePattern<CircuitBreaker, CircuitBreakerConfig, CircuitBreakerConfig.Builder> CIRCUIT_BREAKER =
            new LivePattern<>(CircuitBreaker.class, CircuitBreakerConfig.class, "circuitbreaker",
                    CircuitBreaker::config, CircuitBreakerConfig::asMap, CircuitBreaker::reconfigure,
                    CircuitBreakerConfig::toBuilder, CircuitBreakerConfig.Builder::build,
                    Set.of("maxKeys", "writableStackTrace"));

    /** The bulkhead: everything but {@code maxKeys} and {@code writableStackTrace}. */
    public static final LivePattern<Bulkhead, BulkheadConfig, BulkheadConfig.Builder> BULKHEAD =
            new LivePattern<>(Bulkhead.class, BulkheadConfig.class, "bulkhead", Bulkhead::config,
                    BulkheadConfig::asMap, Bulkhead::reconfigure, BulkheadConfig::toBuilder,
                    BulkheadConfig.Builder::build, Set.of("maxKeys", "writableStackTrace"));

    /** The rate limiter: everything but {@code maxKeys} and {@code writableStackTrace}. */
    public static final LivePattern<RateLimiter, RateLimiterConfig, RateLimiterConfig.Builder> RATE_LIMITER =
            new LivePattern<>(RateLimiter.class, RateLimiterConfig.class, "ratelimiter", RateLimiter::config,
                    RateLimiterConfig::asMap, RateLimiter::reconfigure, RateLimiterConfig::toBuilder,
                    RateLimiterConfig.Builder::build, Set.of("maxKeys", "writableStackTrace"));

    /** The retry: every scalar setting (the exception lists are lists). */
    public static final LivePattern<Retry, RetryConfig, RetryConfig.Builder> RETRY =
            new LivePattern<>(Retry.class, RetryConfig.class, "retry", Retry::config, RetryConfig::asMap,
                    Retry::reconfigure, RetryConfig::toBuilder, RetryConfig.Builder::build, Set.of());

    /** The timeout: everything but {@code writableStackTrace}. */
    public static final LivePattern<Timeout, TimeoutConfig, TimeoutConfig.Builder> TIMEOUT =
            new LivePattern<>(Timeout.class, TimeoutConfig.class, "timeout", Timeout::config, TimeoutConfig::asMap,
                    Timeout::reconfigure, TimeoutConfig::toBuilder, TimeoutConfig.Builder::build,
                    Set.of("writableStackTrace"));

    /** The five patterns of the starter. */
    public static final List<LivePattern<?, ?, ?>> ALL = List.of(CIRCUIT_BREAKER, BULKHEAD, RATE_LIMITER, RETRY, TIMEOUT);

    /** Checks that nothing is missing. */
    public LivePattern {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(configType, "configType");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(toBuilder, "toBuilder");
        Objects.requireNonNull(build, "build");
        notLive = Set.copyOf(notLive);
    }

    /**
     * A new configuration: {@code current} with {@code values} set, validated.
     *
     * @param current the configuration in effect
     * @param values camelCase keys to new values (strings as an operator types them, or typed values)
     * @return the new configuration
     * @throws IllegalArgumentException for a key that cannot be changed live or a value of the wrong kind
     * @throws dev.resilience.InvalidConfigurationException for a value the pattern's rules refuse
     */
    public C withValues(C current, Map<String, Object> values) {
        B builder = toBuilder.apply(current);
        LiveConfigValues.apply(builder, values, notLive);
        return build.apply(builder);
    }

    /**
     * Whether a setting can be changed on a live instance.
     *
     * @param current any configuration of this pattern (for its builder)
     * @param key a camelCase key of {@code asMap()}
     * @return {@code true} if {@link #withValues} accepts it
     */
    public boolean isLive(C current, String key) {
        return LiveConfigValues.isLive(toBuilder.apply(current), key, notLive);
    }

    /**
     * Applies a configuration to a live instance.
     *
     * @param <T> the instance type
     * @param <C> the configuration type
     */
    @FunctionalInterface
    public interface Reconfigure<T, C> {

        /**
         * @param instance the instance
         * @param config the new configuration
         * @param principal who changes it
         * @return the configuration before
         */
        C reconfigure(T instance, C config, String principal);
    }
}
