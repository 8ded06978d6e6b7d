package dev.resilience.spring.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * The Micrometer meters of one pattern. One small implementation per pattern (see
 * {@link CircuitBreakerMeters}); {@link ResilienceMeterBinder} finds the pattern's registry, calls
 * {@link #register} for every instance when it is created and removes the meters when it is evicted.
 *
 * <p>Meters read the instance's own counters ({@code FunctionCounter}, {@code FunctionTimer},
 * {@code Gauge}) when they are scraped, so the call path never touches Micrometer. Implementations are
 * stateless and thread safe.
 *
 * @param <T> the instance type, such as {@code CircuitBreaker}
 */
public interface InstanceMeters<T> {

    /** @return the instance type, used to find the {@code InstanceRegistry<T>} bean */
    Class<T> instanceType();

    /**
     * Registers the meters of one new instance through {@code meters}, which removes them on eviction.
     *
     * @param instance the instance
     * @param tags {@code name}, and {@code key} for a keyed instance
     * @param meters where to register meters and end subscriptions
     */
    void register(T instance, Tags tags, MeterSet meters);
}
