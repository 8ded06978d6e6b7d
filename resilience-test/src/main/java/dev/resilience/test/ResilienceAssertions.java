package dev.resilience.test;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.RateLimitExceededException;
import dev.resilience.ResilienceException;
import dev.resilience.TimeoutExceededException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.retry.Retry;
import dev.resilience.timeout.Timeout;
import java.util.Objects;
import org.assertj.core.api.Condition;

/**
 * AssertJ entry points for resilience instances and for the exceptions they throw. Static-import them
 * next to AssertJ's own {@code assertThat}; the more specific overloads here win.
 *
 * <pre>{@code
 * assertThat(resilience).circuitBreaker("payments").isOpen().hasRejected(1);
 * assertThat(resilience.bulkhead("reports")).hasRejected(0);
 * assertThatThrownBy(() -> payments.charge(order)).is(rejectedByCircuitBreaker("payments"));
 * }</pre>
 *
 * A rejection condition matches the thrown exception or any of its causes, so a rejection wrapped in a
 * {@code CompletionException} or a {@code ServletException} matches too. Keyed instances are named
 * {@code name[key]}.
 */
public final class ResilienceAssertions {

    private static final int MAX_CAUSE_DEPTH = 32;

    private ResilienceAssertions() {
    }

    /**
     * Assertions on the instances of a context, picked by name.
     *
     * @param instances the context's instances
     * @return the assertions
     */
    public static ResilienceInstancesAssert assertThat(ResilienceInstances instances) {
        return new ResilienceInstancesAssert(instances);
    }

    /**
     * Assertions on a circuit breaker.
     *
     * @param breaker the breaker
     * @return the assertions
     */
    public static CircuitBreakerAssert assertThat(CircuitBreaker breaker) {
        return new CircuitBreakerAssert(breaker);
    }

    /**
     * Assertions on a bulkhead.
     *
     * @param bulkhead the bulkhead
     * @return the assertions
     */
    public static BulkheadAssert assertThat(Bulkhead bulkhead) {
        return new BulkheadAssert(bulkhead);
    }

    /**
     * Assertions on a rate limiter.
     *
     * @param rateLimiter the rate limiter
     * @return the assertions
     */
    public static RateLimiterAssert assertThat(RateLimiter rateLimiter) {
        return new RateLimiterAssert(rateLimiter);
    }

    /**
     * Assertions on a retry.
     *
     * @param retry the retry
     * @return the assertions
     */
    public static RetryAssert assertThat(Retry retry) {
        return new RetryAssert(retry);
    }

    /**
     * Assertions on a timeout.
     *
     * @param timeout the timeout
     * @return the assertions
     */
    public static TimeoutAssert assertThat(Timeout timeout) {
        return new TimeoutAssert(timeout);
    }

    /**
     * The call was refused by the named circuit breaker ({@link CircuitBreakerOpenException}).
     *
     * @param name the breaker's name ({@code name} or {@code name[key]})
     * @return the condition, for {@code assertThatThrownBy(...).is(...)}
     */
    public static Condition<Throwable> rejectedByCircuitBreaker(String name) {
        return thrownBy(CircuitBreakerOpenException.class, name, "rejected by circuit breaker '" + name + "'");
    }

    /**
     * The call was refused by the named bulkhead ({@link BulkheadFullException}, queue full or timed out).
     *
     * @param name the bulkhead's name
     * @return the condition
     */
    public static Condition<Throwable> rejectedByBulkhead(String name) {
        return thrownBy(BulkheadFullException.class, name, "rejected by bulkhead '" + name + "'");
    }

    /**
     * The call was refused by the named rate limiter ({@link RateLimitExceededException}).
     *
     * @param name the rate limiter's name
     * @return the condition
     */
    public static Condition<Throwable> rejectedByRateLimiter(String name) {
        return thrownBy(RateLimitExceededException.class, name, "rejected by rate limiter '" + name + "'");
    }

    /**
     * The call was cut off by the named timeout ({@link TimeoutExceededException}).
     *
     * @param name the timeout's name
     * @return the condition
     */
    public static Condition<Throwable> timedOutBy(String name) {
        return thrownBy(TimeoutExceededException.class, name, "timed out by '" + name + "'");
    }

    private static Condition<Throwable> thrownBy(Class<? extends ResilienceException> type, String name,
            String description) {
        Objects.requireNonNull(name, "name");
        return new Condition<>(thrown -> {
            Throwable current = thrown;
            // bounded, in case a cause chain loops
            for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++, current = current.getCause()) {
                if (type.isInstance(current) && name.equals(((ResilienceException) current).getName())) {
                    return true;
                }
            }
            return false;
        }, description);
    }
}
