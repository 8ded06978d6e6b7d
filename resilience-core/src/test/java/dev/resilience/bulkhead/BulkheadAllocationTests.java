package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.testing.Allocations;
import dev.resilience.time.ManualClock;
import org.junit.jupiter.api.Test;

class BulkheadAllocationTests {

    private final ManualClock clock = new ManualClock();
    private final Bulkhead bulkhead = Bulkhead.of("hot", BulkheadConfig.builder().maxConcurrentCalls(2).build(),
            clock, clock);
    private volatile Object sink;

    @Test
    void uncontendedAcquireAndReleaseAllocateNothing() {
        long bytes = Allocations.bytesAllocated(100_000, () -> bulkhead.acquirePermit().release());

        assertThat(bytes).isLessThan(1024);
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void uncontendedAsyncAcquireAllocatesNothing() {
        Bulkhead.Permit permit = bulkhead.acquirePermit();
        permit.release();

        long bytes = Allocations.bytesAllocated(100_000, () -> {
            bulkhead.acquirePermitAsync();
            permit.release();
        });

        assertThat(bytes).isLessThan(1024);
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void theMeasurementSeesAllocations() {
        long bytes = Allocations.bytesAllocated(100_000, () -> sink = new Object[2]);

        assertThat(bytes).as("one escaping array per call is counted").isGreaterThan(100_000);
    }
}
