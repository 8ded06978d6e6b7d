package dev.resilience.test;

import dev.resilience.ratelimiter.RateLimiter;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link RateLimiter}'s statistics; each reads a fresh snapshot. Obtain one with
 * {@link ResilienceAssertions#assertThat(RateLimiter)}.
 */
public final class RateLimiterAssert extends AbstractAssert<RateLimiterAssert, RateLimiter> {

    RateLimiterAssert(RateLimiter actual) {
        super(actual, RateLimiterAssert.class);
    }

    /**
     * The rate limiter rejected exactly this many calls since creation or reset.
     *
     * @param expected the number of rejected calls
     * @return this
     */
    public RateLimiterAssert hasRejected(long expected) {
        isNotNull();
        return hasCount("rejected calls", actual.snapshot().rejectedCalls(), expected);
    }

    /**
     * The rate limiter permitted exactly this many calls since creation or reset.
     *
     * @param expected the number of permitted calls
     * @return this
     */
    public RateLimiterAssert hasPermitted(long expected) {
        isNotNull();
        return hasCount("permitted calls", actual.snapshot().permittedCalls(), expected);
    }

    private RateLimiterAssert hasCount(String what, long count, long expected) {
        if (count != expected) {
            failWithMessage("Expected rate limiter '%s' to have %s %s but had %s", actual.name(), expected, what, count);
        }
        return this;
    }
}
