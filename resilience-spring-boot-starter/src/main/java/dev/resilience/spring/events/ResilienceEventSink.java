package dev.resilience.spring.events;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.Set;

/**
 * Receives the events of every instance of every pattern. Each bean of this type is subscribed, through
 * {@link RegistryEventSubscriptions}, to every instance of every {@code InstanceRegistry} bean, for the
 * event types it names only: an instance whose events nobody wants allocates no event object.
 *
 * <p>Events arrive synchronously, on the thread that caused them (often a caller's thread inside a
 * protected call), so an implementation must be thread safe and quick. An exception it throws is logged
 * and does not reach the caller.
 */
public interface ResilienceEventSink {

    /**
     * The event types this sink wants; read once per instance, when it is subscribed.
     *
     * @return the event types, not empty
     */
    Set<EventType> eventTypes();

    /**
     * Receives one event of a type named by {@link #eventTypes()}.
     *
     * @param kind the pattern, as the simple name of its instance type ({@code CircuitBreaker}, {@code Retry}, ...)
     * @param event the event
     */
    void accept(String kind, ResilienceEvent event);
}
