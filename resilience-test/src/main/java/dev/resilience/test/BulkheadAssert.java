package dev.resilience.test;

import dev.resilience.bulkhead.Bulkhead;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Bulkhead}'s statistics; each reads a fresh snapshot. Obtain one with
 * {@link ResilienceAssertions#assertThat(Bulkhead)}.
 */
public final class BulkheadAssert extends AbstractAssert<BulkheadAssert, Bulkhead> {

    BulkheadAssert(Bulkhead actual) {
        super(actual, BulkheadAssert.class);
    }

    /**
     * The bulkhead rejected exactly this many calls (queue full or queue timeout) since creation or reset.
     *
     * @param expected the number of rejected calls
     * @return this
     */
    public BulkheadAssert hasRejected(long expected) {
        isNotNull();
        return hasCount("rejected calls", actual.snapshot().rejectedCalls(), expected);
    }

    /**
     * Exactly this many calls hold a slot now.
     *
     * @param expected the number of active calls
     * @return this
     */
    public BulkheadAssert hasActiveCalls(int expected) {
        isNotNull();
        return hasCount("active calls", actual.snapshot().activeCalls(), expected);
    }

    /**
     * Exactly this many calls wait in the queue now.
     *
     * @param expected the number of queued calls
     * @return this
     */
    public BulkheadAssert hasQueuedCalls(int expected) {
        isNotNull();
        return hasCount("queued calls", actual.snapshot().queuedCalls(), expected);
    }

    private BulkheadAssert hasCount(String what, long count, long expected) {
        if (count != expected) {
            failWithMessage("Expected bulkhead '%s' to have %s %s but had %s", actual.name(), expected, what, count);
        }
        return this;
    }
}
