package dev.resilience.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes the current thread allocates while running a piece of code, through
 * {@code com.sun.management.ThreadMXBean} (HotSpot and its derivatives).
 */
public final class Allocations {

    private Allocations() {
    }

    /**
     * Runs {@code body} a first time {@code times} times to let the JIT settle, then again {@code times}
     * times while counting the current thread's allocations.
     *
     * @param times how many times to run the body per round
     * @param body the code to measure
     * @return the bytes allocated by the measured round
     */
    public static long bytesAllocated(int times, Runnable body) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            throw new AssertionError("this JVM does not count per-thread allocations");
        }
        for (int i = 0; i < times; i++) {
            body.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < times; i++) {
            body.run();
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
