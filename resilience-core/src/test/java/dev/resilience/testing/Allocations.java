package dev.resilience.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes the current thread allocates while running a piece of code, through
 * {@code com.sun.management.ThreadMXBean} (HotSpot and its derivatives).
 */
public final class Allocations {

    private Allocations() {
    }

    /** Measured rounds; the least is reported. */
    private static final int ROUNDS = 3;

    /**
     * Runs {@code body} {@code times} times to let the JIT settle, then measures {@value #ROUNDS} rounds
     * of {@code times} runs each and reports the round that allocated least. A deoptimization or a late
     * compilation can allocate a few kilobytes once, while the machine is busy; code that allocates on
     * every run allocates in every round, so the least round still exposes it.
     *
     * @param times how many times to run the body per round
     * @param body the code to measure
     * @return the bytes allocated by the round that allocated least
     */
    public static long bytesAllocated(int times, Runnable body) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            throw new AssertionError("this JVM does not count per-thread allocations");
        }
        for (int i = 0; i < times; i++) {
            body.run();
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < times; i++) {
                body.run();
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }
}
