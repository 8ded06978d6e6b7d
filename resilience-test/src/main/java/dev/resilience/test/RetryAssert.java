package dev.resilience.test;

import dev.resilience.retry.Retry;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Retry}'s statistics; each reads a fresh snapshot. Obtain one with
 * {@link ResilienceAssertions#assertThat(Retry)}.
 */
public final class RetryAssert extends AbstractAssert<RetryAssert, Retry> {

    RetryAssert(Retry actual) {
        super(actual, RetryAssert.class);
    }

    /**
     * Exactly this many retries were made (first attempts not counted) since creation or reset.
     *
     * @param expected the number of retries
     * @return this
     */
    public RetryAssert hasRetried(long expected) {
        isNotNull();
        return hasCount("retries", actual.snapshot().retries(), expected);
    }

    /**
     * Exactly this many calls failed after retries were exhausted (or stopped) since creation or reset.
     *
     * @param expected the number of calls that failed with retry
     * @return this
     */
    public RetryAssert hasFailedWithRetry(long expected) {
        isNotNull();
        return hasCount("calls failed with retry", actual.snapshot().failedWithRetry(), expected);
    }

    /**
     * Exactly this many calls succeeded after at least one retry since creation or reset.
     *
     * @param expected the number of calls that succeeded with retry
     * @return this
     */
    public RetryAssert hasSucceededWithRetry(long expected) {
        isNotNull();
        return hasCount("calls succeeded with retry", actual.snapshot().successfulWithRetry(), expected);
    }

    private RetryAssert hasCount(String what, long count, long expected) {
        if (count != expected) {
            failWithMessage("Expected retry '%s' to have %s %s but had %s", actual.name(), expected, what, count);
        }
        return this;
    }
}
