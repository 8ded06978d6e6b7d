package dev.resilience.event;

/**
 * Something that publishes {@link ResilienceEvent}s. Every pattern's instance type is one, so a
 * listener can subscribe to an instance's events without knowing its pattern.
 */
public interface EventSource {

    /**
     * The publisher of this instance's events; pattern types narrow the event family.
     *
     * @return the publisher, the same object on every call
     */
    EventPublisher<? extends ResilienceEvent> events();
}
