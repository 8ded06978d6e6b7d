package dev.resilience.circuitbreaker;

import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.time.TimeSource;

/**
 * Publishes one breaker's events. Each method asks {@link EventPublisher#wants(EventType)} first and
 * builds the event (and reads the wall clock for its timestamp) only if someone listens, so a call
 * nobody observes allocates nothing here. Thread safe.
 */
final class BreakerEvents {

    private final String name;
    private final TimeSource timeSource;
    private final EventPublisher<CircuitBreakerEvent> publisher;

    BreakerEvents(String name, TimeSource timeSource, EventPublisher<CircuitBreakerEvent> publisher) {
        this.name = name;
        this.timeSource = timeSource;
        this.publisher = publisher;
    }

    boolean wants(EventType type) {
        return publisher.wants(type);
    }

    void success(long nanos, boolean slow) {
        if (publisher.wants(EventType.SUCCESS)) {
            publisher.publish(new CircuitBreakerEvent.Success(name, timeSource.epochMillis(), nanos));
        }
        slow(nanos, slow);
    }

    void failure(long nanos, boolean slow, Throwable error, int status) {
        if (publisher.wants(EventType.FAILURE)) {
            String exception = error == null ? null : error.getClass().getName();
            publisher.publish(new CircuitBreakerEvent.Failure(name, timeSource.epochMillis(), nanos, exception,
                    publisher.messageOf(error), status));
        }
        slow(nanos, slow);
    }

    void ignored(long nanos, Throwable error) {
        if (publisher.wants(EventType.IGNORED)) {
            publisher.publish(new CircuitBreakerEvent.Ignored(name, timeSource.epochMillis(), nanos,
                    error.getClass().getName(), publisher.messageOf(error)));
        }
    }

    void notPermitted(CircuitBreakerState state) {
        if (publisher.wants(EventType.NOT_PERMITTED)) {
            publisher.publish(new CircuitBreakerEvent.NotPermitted(name, timeSource.epochMillis(), state));
        }
    }

    void transition(CircuitBreakerState from, CircuitBreakerState to, TransitionReason reason) {
        transition(from, to, reason, null);
    }

    void transition(CircuitBreakerState from, CircuitBreakerState to, TransitionReason reason, String detail) {
        if (publisher.wants(EventType.STATE_TRANSITION)) {
            publisher.publish(new CircuitBreakerEvent.StateTransition(name, timeSource.epochMillis(), from, to, reason,
                    detail));
        }
    }

    private void slow(long nanos, boolean slow) {
        if (slow && publisher.wants(EventType.SLOW_CALL)) {
            publisher.publish(new CircuitBreakerEvent.SlowCall(name, timeSource.epochMillis(), nanos));
        }
    }
}
