package dev.resilience.test;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerSnapshot;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link CircuitBreaker}'s state and statistics; each reads a fresh snapshot. Obtain
 * one with {@link ResilienceAssertions#assertThat(CircuitBreaker)}.
 */
public final class CircuitBreakerAssert extends AbstractAssert<CircuitBreakerAssert, CircuitBreaker> {

    CircuitBreakerAssert(CircuitBreaker actual) {
        super(actual, CircuitBreakerAssert.class);
    }

    /**
     * The breaker is in the given state.
     *
     * @param expected the state
     * @return this
     */
    public CircuitBreakerAssert hasState(CircuitBreakerState expected) {
        isNotNull();
        CircuitBreakerState state = actual.state();
        if (state != expected) {
            failWithMessage("Expected circuit breaker '%s' to be %s but was %s", actual.name(), expected, state);
        }
        return this;
    }

    /** @return this, after checking the breaker is CLOSED */
    public CircuitBreakerAssert isClosed() {
        return hasState(CircuitBreakerState.CLOSED);
    }

    /** @return this, after checking the breaker is OPEN (not FORCED_OPEN) */
    public CircuitBreakerAssert isOpen() {
        return hasState(CircuitBreakerState.OPEN);
    }

    /** @return this, after checking the breaker is HALF_OPEN */
    public CircuitBreakerAssert isHalfOpen() {
        return hasState(CircuitBreakerState.HALF_OPEN);
    }

    /** @return this, after checking the breaker is FORCED_OPEN */
    public CircuitBreakerAssert isForcedOpen() {
        return hasState(CircuitBreakerState.FORCED_OPEN);
    }

    /** @return this, after checking the breaker is DISABLED */
    public CircuitBreakerAssert isDisabled() {
        return hasState(CircuitBreakerState.DISABLED);
    }

    /**
     * The breaker rejected exactly this many calls since it was created or reset ({@code notPermittedCalls}).
     *
     * @param expected the number of rejected calls
     * @return this
     */
    public CircuitBreakerAssert hasRejected(long expected) {
        return hasCount("rejected calls", snapshot().notPermittedCalls(), expected);
    }

    /**
     * Exactly this many calls were recorded as failures since creation or reset (not only the window's).
     *
     * @param expected the number of failed calls
     * @return this
     */
    public CircuitBreakerAssert hasFailedCalls(long expected) {
        return hasCount("failed calls", snapshot().failedCallsTotal(), expected);
    }

    /**
     * Exactly this many calls were recorded as successes since creation or reset.
     *
     * @param expected the number of successful calls
     * @return this
     */
    public CircuitBreakerAssert hasSuccessfulCalls(long expected) {
        return hasCount("successful calls", snapshot().successfulCalls(), expected);
    }

    /**
     * The sliding window holds exactly this many calls now.
     *
     * @param expected the number of buffered calls
     * @return this
     */
    public CircuitBreakerAssert hasBufferedCalls(int expected) {
        return hasCount("buffered calls", snapshot().bufferedCalls(), expected);
    }

    private CircuitBreakerSnapshot snapshot() {
        isNotNull();
        return actual.snapshot();
    }

    private CircuitBreakerAssert hasCount(String what, long count, long expected) {
        if (count != expected) {
            failWithMessage("Expected circuit breaker '%s' to have %s %s but had %s", actual.name(), expected, what, count);
        }
        return this;
    }
}
