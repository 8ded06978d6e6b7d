package dev.resilience.timeout;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link TimeoutSnapshot}. {@link LongAdder}s because every call ends in one of them
 * from many threads at once; reads are rare. A snapshot taken while calls end is not one atomic cut
 * across the counters, which is fine for monitoring.
 */
final class TimeoutStatistics {

    private final LongAdder successful = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder timedOut = new LongAdder();

    void succeeded() {
        successful.increment();
    }

    void failed() {
        failed.increment();
    }

    void timedOut() {
        timedOut.increment();
    }

    TimeoutSnapshot snapshot(Duration duration) {
        return new TimeoutSnapshot(duration, successful.sum(), failed.sum(), timedOut.sum());
    }

    void reset() {
        successful.reset();
        failed.reset();
        timedOut.reset();
    }
}
