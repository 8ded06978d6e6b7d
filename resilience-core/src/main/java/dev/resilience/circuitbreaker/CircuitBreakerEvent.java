package dev.resilience.circuitbreaker;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of a circuit breaker, one small record per type.
 * Exception messages are kept only when the publisher includes them
 * ({@link dev.resilience.event.EventPublisher#includeMessages(boolean)}, off by default); class names always are.
 */
public sealed interface CircuitBreakerEvent extends ResilienceEvent {

    /**
     * The breaker changed state.
     *
     * @param instanceName the breaker
     * @param epochMillis when
     * @param from the old state
     * @param to the new state
     * @param reason why
     * @param detail a free text that explains the reason (the health signal's text for
     *     {@link TransitionReason#HEALTH_CHECK}), or {@code null}
     */
    record StateTransition(String instanceName, long epochMillis, CircuitBreakerState from,
            CircuitBreakerState to, TransitionReason reason, String detail) implements CircuitBreakerEvent {

        /**
         * A transition without a detail text.
         *
         * @param instanceName the breaker
         * @param epochMillis when
         * @param from the old state
         * @param to the new state
         * @param reason why
         */
        public StateTransition(String instanceName, long epochMillis, CircuitBreakerState from,
                CircuitBreakerState to, TransitionReason reason) {
            this(instanceName, epochMillis, from, to, reason, null);
        }

        @Override
        public EventType type() {
            return EventType.STATE_TRANSITION;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", from.name());
            details.put("to", to.name());
            details.put("reason", reason.name());
            if (detail != null) {
                details.put("detail", detail);
            }
            return details;
        }
    }

    /**
     * A call was recorded as a success.
     *
     * @param instanceName the breaker
     * @param epochMillis when
     * @param durationNanos how long the call took
     */
    record Success(String instanceName, long epochMillis, long durationNanos) implements CircuitBreakerEvent {
        @Override
        public EventType type() {
            return EventType.SUCCESS;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("durationMs", durationNanos / 1_000_000L);
        }
    }

    /**
     * A call was recorded as a failure.
     *
     * @param instanceName the breaker
     * @param epochMillis when
     * @param durationNanos how long the call took
     * @param exception the thrown class name, or null for a result with a failure status
     * @param message the failure's message, or null (always null unless messages are included)
     * @param status the HTTP status that made it a failure, or -1
     */
    record Failure(String instanceName, long epochMillis, long durationNanos, String exception, String message,
            int status) implements CircuitBreakerEvent {

        /**
         * A failure event without a message.
         *
         * @param instanceName the breaker
         * @param epochMillis when
         * @param durationNanos how long the call took
         * @param exception the thrown class name, or null for a result with a failure status
         * @param status the HTTP status that made it a failure, or -1
         */
        public Failure(String instanceName, long epochMillis, long durationNanos, String exception, int status) {
            this(instanceName, epochMillis, durationNanos, exception, null, status);
        }

        @Override
        public EventType type() {
            return EventType.FAILURE;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("durationMs", durationNanos / 1_000_000L);
            if (exception != null) {
                details.put("exception", exception);
            }
            if (message != null) {
                details.put("message", message);
            }
            if (status >= 0) {
                details.put("status", status);
            }
            return details;
        }
    }

    /**
     * A call threw an ignored exception; it was not recorded.
     *
     * @param instanceName the breaker
     * @param epochMillis when
     * @param durationNanos how long the call took
     * @param exception the thrown class name
     * @param message the failure's message, or null (always null unless messages are included)
     */
    record Ignored(String instanceName, long epochMillis, long durationNanos, String exception, String message)
            implements CircuitBreakerEvent {

        /**
         * An ignored-call event without a message.
         *
         * @param instanceName the breaker
         * @param epochMillis when
         * @param durationNanos how long the call took
         * @param exception the thrown class name
         */
        public Ignored(String instanceName, long epochMillis, long durationNanos, String exception) {
            this(instanceName, epochMillis, durationNanos, exception, null);
        }

        @Override
        public EventType type() {
            return EventType.IGNORED;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("durationMs", durationNanos / 1_000_000L);
            details.put("exception", exception);
            if (message != null) {
                details.put("message", message);
            }
            return details;
        }
    }

    /**
     * A call was rejected.
     *
     * @param instanceName the breaker
     * @param epochMillis when
     * @param state the state that rejected it
     */
    record NotPermitted(String instanceName, long epochMillis, CircuitBreakerState state) implements CircuitBreakerEvent {
        @Override
        public EventType type() {
            return EventType.NOT_PERMITTED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("state", state.name());
        }
    }

    /**
     * A call took at least {@code slow-call-duration-threshold} (published in addition to its outcome).
     *
     * @param instanceName the breaker
     * @param epochMillis when
     * @param durationNanos how long the call took
     */
    record SlowCall(String instanceName, long epochMillis, long durationNanos) implements CircuitBreakerEvent {
        @Override
        public EventType type() {
            return EventType.SLOW_CALL;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("durationMs", durationNanos / 1_000_000L);
        }
    }
}
