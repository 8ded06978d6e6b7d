package dev.resilience.circuitbreaker;

/**
 * One reading of a window: calls, failed calls and slow calls. Readings of a window that is being
 * written concurrently are approximate (each figure is exact at quiescence).
 *
 * @param total recorded calls
 * @param failed recorded failures
 * @param slow recorded slow calls
 */
record WindowCounts(long total, long failed, long slow) {

    /** The reading of an empty window. */
    static final WindowCounts EMPTY = new WindowCounts(0, 0, 0);

    /**
     * @param minimumCalls calls needed before a rate is defined
     * @return failed calls in percent, or -1 below {@code minimumCalls}
     */
    float failureRate(int minimumCalls) {
        return rate(failed, minimumCalls);
    }

    /**
     * @param minimumCalls calls needed before a rate is defined
     * @return slow calls in percent, or -1 below {@code minimumCalls}
     */
    float slowCallRate(int minimumCalls) {
        return rate(slow, minimumCalls);
    }

    private float rate(long part, int minimumCalls) {
        if (total < minimumCalls || total == 0) {
            return -1f;
        }
        return Math.min(100f, part * 100f / total);
    }
}
