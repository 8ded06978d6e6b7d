package dev.resilience.spring.actuate;

import dev.resilience.event.EventPublisher;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterEvent;
import dev.resilience.ratelimiter.RateLimiterSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rate limiters in the {@code resilience} endpoint: fields {@code availablePermits} (negative while
 * waiting callers hold permits of later periods), {@code permittedCalls}, {@code rejectedCalls}; events
 * {@code REJECTED} with {@code retryAfterMs}; action {@code reset} (statistics cleared; permits untouched).
 * Stateless and thread safe.
 */
public final class RateLimiterView implements InstanceView<RateLimiter> {

    private static final Map<String, Consumer<RateLimiter>> ACTIONS = Map.of("reset", RateLimiter::reset);

    @Override
    public PatternType type() {
        return PatternType.RATE_LIMITER;
    }

    @Override
    public Class<RateLimiter> instanceType() {
        return RateLimiter.class;
    }

    @Override
    public Map<String, Object> fields(RateLimiter limiter) {
        RateLimiterSnapshot snapshot = limiter.snapshot();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("availablePermits", snapshot.availablePermits());
        fields.put("permittedCalls", snapshot.permittedCalls());
        fields.put("rejectedCalls", snapshot.rejectedCalls());
        return fields;
    }

    @Override
    public Map<String, Object> config(RateLimiter limiter) {
        return limiter.config().asMap();
    }

    @Override
    public EventPublisher<RateLimiterEvent> events(RateLimiter limiter) {
        return limiter.events();
    }

    @Override
    public Map<String, Consumer<RateLimiter>> actions() {
        return ACTIONS;
    }
}
