package dev.resilience.ratelimiter;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.time.Duration;
import java.util.Map;

/**
 * The events of a rate limiter, one small record per type. Permitted calls publish nothing (they are
 * counted in {@link RateLimiterSnapshot}), so a rate limiter's only event is a rejection.
 */
public sealed interface RateLimiterEvent extends ResilienceEvent {

    /**
     * A call was refused; the caller got a {@link dev.resilience.RateLimitExceededException}.
     *
     * @param instanceName the rate limiter
     * @param epochMillis when
     * @param retryAfter how long until a permit was expected to be free
     */
    record Rejected(String instanceName, long epochMillis, Duration retryAfter) implements RateLimiterEvent {
        @Override
        public EventType type() {
            return EventType.REJECTED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("retryAfterMs", retryAfter.toMillis());
        }
    }
}
