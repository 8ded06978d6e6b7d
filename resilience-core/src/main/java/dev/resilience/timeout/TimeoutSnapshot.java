package dev.resilience.timeout;

import java.time.Duration;

/**
 * A copy of one timeout's statistics at one moment, counted since creation or the last reset. The
 * counters are disjoint (SPEC ruling 10): every call that ended is in exactly one of them.
 *
 * @param duration the configured duration
 * @param successfulCalls calls that returned before the deadline
 * @param failedCalls calls that threw before the deadline
 * @param timedOutCalls calls that had not finished at the deadline (whatever they did afterwards)
 */
public record TimeoutSnapshot(Duration duration, long successfulCalls, long failedCalls, long timedOutCalls) {

    /**
     * Calls that ended, whatever their outcome.
     *
     * @return the sum of the three counters
     */
    public long calls() {
        return successfulCalls + failedCalls + timedOutCalls;
    }
}
