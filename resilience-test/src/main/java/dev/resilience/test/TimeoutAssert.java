package dev.resilience.test;

import dev.resilience.timeout.Timeout;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Timeout}'s statistics; each reads a fresh snapshot. Obtain one with
 * {@link ResilienceAssertions#assertThat(Timeout)}.
 */
public final class TimeoutAssert extends AbstractAssert<TimeoutAssert, Timeout> {

    TimeoutAssert(Timeout actual) {
        super(actual, TimeoutAssert.class);
    }

    /**
     * Exactly this many calls timed out since creation or reset.
     *
     * @param expected the number of timed-out calls
     * @return this
     */
    public TimeoutAssert hasTimedOut(long expected) {
        isNotNull();
        return hasCount("timed-out calls", actual.snapshot().timedOutCalls(), expected);
    }

    /**
     * Exactly this many calls finished in time since creation or reset.
     *
     * @param expected the number of successful calls
     * @return this
     */
    public TimeoutAssert hasSuccessfulCalls(long expected) {
        isNotNull();
        return hasCount("successful calls", actual.snapshot().successfulCalls(), expected);
    }

    private TimeoutAssert hasCount(String what, long count, long expected) {
        if (count != expected) {
            failWithMessage("Expected timeout '%s' to have %s %s but had %s", actual.name(), expected, what, count);
        }
        return this;
    }
}
