package dev.resilience.spring.actuate;

import java.util.Map;

/**
 * Extra fields of one pattern's instances in the {@code resilience} endpoint, contributed by a feature
 * outside the pattern's view (for example a circuit breaker's health check). Defined as a bean of type
 * {@code InstanceFields<CircuitBreaker>}; the view adds its fields after its own. Implementations are
 * thread safe and cheap: they run on every endpoint read.
 *
 * @param <T> the instance type
 */
@FunctionalInterface
public interface InstanceFields<T> {

    /**
     * Adds this feature's fields of one instance, or nothing when it does not apply to the instance.
     *
     * @param instance the instance
     * @param fields the instance's fields so far, in display order; values are plain values or maps of them
     */
    void addTo(T instance, Map<String, Object> fields);
}
