package dev.resilience.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to one instance. Events are immutable. An event about a failure carries the
 * exception's class name, and its message only when the instance's publisher includes messages
 * ({@link EventPublisher#includeMessages(boolean)}, off by default: a message can hold user data).
 */
public interface ResilienceEvent {

    /**
     * What happened.
     *
     * @return the event type
     */
    EventType type();

    /**
     * The instance it happened to, as shown in the endpoint ({@code name} or {@code name[key]}).
     *
     * @return the instance name
     */
    String instanceName();

    /**
     * When it happened, in milliseconds since the epoch (read from the instance's time source).
     *
     * @return the wall-clock time
     */
    long epochMillis();

    /**
     * When it happened.
     *
     * @return the wall-clock time as an instant
     */
    default Instant timestamp() {
        return Instant.ofEpochMilli(epochMillis());
    }

    /**
     * The type-specific fields, ready to be rendered as JSON (values are strings, numbers or booleans),
     * in a stable order; for example {@code from} and {@code to} for a state transition.
     *
     * @return the fields; never null
     */
    Map<String, Object> details();
}
