package dev.resilience.timeout;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of a timeout, one small record per type.
 * Exception messages are kept only when the publisher includes them
 * ({@link dev.resilience.event.EventPublisher#includeMessages(boolean)}, off by default); class names always are.
 */
public sealed interface TimeoutEvent extends ResilienceEvent {

    /**
     * A call had not finished at its deadline.
     *
     * @param instanceName the timeout
     * @param epochMillis when
     * @param timeoutNanos the time the call was allowed (less than the configured duration when an
     *        enclosing timeout had less left)
     */
    record TimedOut(String instanceName, long epochMillis, long timeoutNanos) implements TimeoutEvent {
        @Override
        public EventType type() {
            return EventType.TIMED_OUT;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("timeoutMs", timeoutNanos / 1_000_000L);
        }
    }

    /**
     * A call returned before its deadline.
     *
     * @param instanceName the timeout
     * @param epochMillis when
     * @param durationNanos how long the call took
     */
    record Success(String instanceName, long epochMillis, long durationNanos) implements TimeoutEvent {
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
     * A call threw before its deadline.
     *
     * @param instanceName the timeout
     * @param epochMillis when
     * @param durationNanos how long the call took
     * @param exception the thrown class name
     * @param message the failure's message, or null (always null unless messages are included)
     */
    record Failure(String instanceName, long epochMillis, long durationNanos, String exception, String message)
            implements TimeoutEvent {

        /**
         * A failure event without a message.
         *
         * @param instanceName the timeout
         * @param epochMillis when
         * @param durationNanos how long the call took
         * @param exception the thrown class name
         */
        public Failure(String instanceName, long epochMillis, long durationNanos, String exception) {
            this(instanceName, epochMillis, durationNanos, exception, null);
        }

        @Override
        public EventType type() {
            return EventType.FAILURE;
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
}
