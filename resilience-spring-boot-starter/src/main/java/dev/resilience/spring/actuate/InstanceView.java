package dev.resilience.spring.actuate;

import dev.resilience.event.EventPublisher;
import dev.resilience.event.ResilienceEvent;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How the {@code resilience} endpoint shows the instances of one pattern. One small implementation per
 * pattern (see {@link CircuitBreakerView}); the endpoint finds the pattern's
 * {@code InstanceRegistry<T>} bean by {@link #instanceType()}, keeps the recent events of every instance
 * and renders the JSON, so a view only maps one instance to plain values.
 *
 * <p>Implementations are stateless and thread safe; every method may be called concurrently with calls
 * going through the instance.
 *
 * @param <T> the instance type, such as {@code CircuitBreaker}
 */
public interface InstanceView<T> {

    /** @return the pattern this view shows: its path segment and section name */
    PatternType type();

    /** @return the instance type, used to find the {@code InstanceRegistry<T>} bean */
    Class<T> instanceType();

    /**
     * The fields of one instance, as listed for the pattern in the contract, in display order. Values
     * are strings, numbers or booleans.
     *
     * @param instance the instance
     * @return a new map, camelCase keys
     */
    Map<String, Object> fields(T instance);

    /**
     * The configuration in effect, one flat map with camelCase keys. Values may be
     * {@link java.time.Duration}s (rendered as ISO-8601 strings such as {@code PT1M}), enums (rendered by
     * name), strings, numbers, booleans or lists of those; nested settings are flattened into camelCase
     * keys by the view.
     *
     * @param instance the instance
     * @return a map in display order
     */
    Map<String, Object> config(T instance);

    /**
     * The publisher the endpoint subscribes to (with {@code subscribeAny}, so that configuration changes
     * are recorded too), once, when the instance is created.
     *
     * @param instance the instance
     * @return its event publisher
     */
    EventPublisher<? extends ResilienceEvent> events(T instance);

    /**
     * The operator actions of {@code POST /actuator/resilience/{type}/{name}}, by the name sent as
     * {@code {"action": "..."}}, in the order they are listed in an error message. Every pattern has
     * {@code reset}.
     *
     * @return action name to operation, never empty
     */
    Map<String, Consumer<T>> actions();
}
