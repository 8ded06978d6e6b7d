package dev.resilience.retry;

import java.time.Duration;

/** Duration arithmetic that cannot overflow. */
final class Durations {

    private Durations() {
    }

    /**
     * A duration in nanoseconds, {@link Long#MAX_VALUE} for durations too long to express (about 292 years).
     *
     * @param duration a non-negative duration
     * @return its nanoseconds, saturated
     */
    static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
