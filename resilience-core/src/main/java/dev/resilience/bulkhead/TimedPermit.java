package dev.resilience.bulkhead;

/**
 * The permit of an adaptive bulkhead: it remembers when its call was admitted, so that giving it back
 * yields one latency sample. One object per call, allocated only in adaptive mode.
 */
final class TimedPermit implements Bulkhead.Permit {

    private final DefaultBulkhead bulkhead;
    private final long admittedNanos;

    TimedPermit(DefaultBulkhead bulkhead, long admittedNanos) {
        this.bulkhead = bulkhead;
        this.admittedNanos = admittedNanos;
    }

    @Override
    public void release() {
        bulkhead.releaseTimed(admittedNanos);
    }
}
