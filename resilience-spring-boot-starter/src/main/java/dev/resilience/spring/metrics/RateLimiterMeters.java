package dev.resilience.spring.metrics;

import dev.resilience.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of a rate limiter (tags {@code name}, plus {@code key} for keyed limiters):
 * <ul>
 * <li>{@code resilience.ratelimiter.calls}: counter per {@code kind} ({@code permitted}, {@code rejected});</li>
 * <li>{@code resilience.ratelimiter.available.permits}: gauge of the permits left in the current period
 *     (negative while waiting callers hold permits of later periods).</li>
 * </ul>
 * Every meter reads the limiter's snapshot when scraped; counts are totals since creation or the last
 * reset. Stateless and thread safe.
 */
public final class RateLimiterMeters implements InstanceMeters<RateLimiter> {

    private static final String PREFIX = "resilience.ratelimiter.";

    @Override
    public Class<RateLimiter> instanceType() {
        return RateLimiter.class;
    }

    @Override
    public void register(RateLimiter limiter, Tags tags, MeterSet meters) {
        meters.register(registry -> FunctionCounter.builder(PREFIX + "calls", limiter, l -> l.snapshot().permittedCalls())
                .description("Calls the rate limiter let through or rejected")
                .tags(tags).tag("kind", "permitted")
                .register(registry));
        meters.register(registry -> FunctionCounter.builder(PREFIX + "calls", limiter, l -> l.snapshot().rejectedCalls())
                .description("Calls the rate limiter let through or rejected")
                .tags(tags).tag("kind", "rejected")
                .register(registry));
        meters.register(registry -> Gauge.builder(PREFIX + "available.permits", limiter, l -> l.snapshot().availablePermits())
                .description("Permits left in the rate limiter's current period")
                .tags(tags)
                .register(registry));
    }
}
