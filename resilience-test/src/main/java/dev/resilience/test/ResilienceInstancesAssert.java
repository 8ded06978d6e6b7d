package dev.resilience.test;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.timeout.Timeout;
import org.assertj.core.api.AbstractAssert;

/**
 * Picks an existing instance out of a {@link ResilienceInstances} to assert on it. Unlike
 * {@link ResilienceInstances#circuitBreaker(String)}, it never creates an instance: asserting on a name no
 * call has used (a typo, say) fails and lists the names that exist. Obtain one with
 * {@link ResilienceAssertions#assertThat(ResilienceInstances)}.
 */
public final class ResilienceInstancesAssert extends AbstractAssert<ResilienceInstancesAssert, ResilienceInstances> {

    ResilienceInstancesAssert(ResilienceInstances actual) {
        super(actual, ResilienceInstancesAssert.class);
    }

    /**
     * The circuit breaker {@code name} or {@code name[key]}.
     *
     * @param displayName the instance name as shown in the endpoint
     * @return assertions on it
     */
    public CircuitBreakerAssert circuitBreaker(String displayName) {
        return new CircuitBreakerAssert(existing(CircuitBreaker.class, "circuit breaker", displayName));
    }

    /**
     * The bulkhead {@code name} or {@code name[key]}.
     *
     * @param displayName the instance name as shown in the endpoint
     * @return assertions on it
     */
    public BulkheadAssert bulkhead(String displayName) {
        return new BulkheadAssert(existing(Bulkhead.class, "bulkhead", displayName));
    }

    /**
     * The rate limiter {@code name} or {@code name[key]}.
     *
     * @param displayName the instance name as shown in the endpoint
     * @return assertions on it
     */
    public RateLimiterAssert rateLimiter(String displayName) {
        return new RateLimiterAssert(existing(RateLimiter.class, "rate limiter", displayName));
    }

    /**
     * The retry {@code name}.
     *
     * @param name the instance name
     * @return assertions on it
     */
    public RetryAssert retry(String name) {
        return new RetryAssert(existing(Retry.class, "retry", name));
    }

    /**
     * The timeout {@code name}.
     *
     * @param name the instance name
     * @return assertions on it
     */
    public TimeoutAssert timeout(String name) {
        return new TimeoutAssert(existing(Timeout.class, "timeout", name));
    }

    private <T> T existing(Class<T> type, String kind, String displayName) {
        isNotNull();
        InstanceRegistry<T> registry = actual.findRegistry(type).orElse(null);
        if (registry == null) {
            failWithMessage("Expected a %s '%s' but the context has no InstanceRegistry<%s> bean", kind, displayName,
                    type.getSimpleName());
        }
        T instance = registry.find(InstanceId.parse(displayName)).orElse(null);
        if (instance == null) {
            failWithMessage("Expected a %s '%s' but it does not exist; existing: %s", kind, displayName,
                    registry.all().keySet().stream().map(InstanceId::displayName).toList());
        }
        return instance;
    }
}
