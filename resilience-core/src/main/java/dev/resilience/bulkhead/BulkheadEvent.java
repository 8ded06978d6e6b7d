package dev.resilience.bulkhead;

import dev.resilience.BulkheadFullException;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.Map;

/**
 * The events of a bulkhead, one small record per type. Admitted calls publish nothing (they are counted
 * in {@link BulkheadSnapshot}), so a bulkhead's only event is a rejection.
 */
public sealed interface BulkheadEvent extends ResilienceEvent {

    /**
     * A call was refused; the caller got a {@link BulkheadFullException} with the same reason.
     *
     * @param instanceName the bulkhead
     * @param epochMillis when
     * @param reason why
     */
    record Rejected(String instanceName, long epochMillis, BulkheadFullException.Reason reason)
            implements BulkheadEvent {
        @Override
        public EventType type() {
            return EventType.REJECTED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("reason", reason.name());
        }
    }
}
