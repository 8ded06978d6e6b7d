package dev.resilience.timeout;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of a timeout, one small record per type. Exception messages are never kept, only class names.
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
     */
    record Failure(String instanceName, long epochMillis, long durationNanos, String exception)
            implements TimeoutEvent {
        @Override
        public EventType type() {
            return EventType.FAILURE;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("durationMs", durationNanos / 1_000_000L);
            details.put("exception", exception);
            return details;
        }
    }
}
