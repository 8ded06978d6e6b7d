package dev.resilience.spring.metrics;

import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToLongFunction;

/**
 * The meters of a timeout (tag {@code name}): {@code resilience.timeout.calls}, a counter per {@code kind}
 * ({@code successful}, {@code failed}: threw before the deadline, {@code timed_out}); the kinds are
 * disjoint (SPEC ruling 10). Read from the timeout's snapshot when scraped; totals since creation or the
 * last reset. Stateless and thread safe.
 */
public final class TimeoutMeters implements InstanceMeters<Timeout> {

    @Override
    public Class<Timeout> instanceType() {
        return Timeout.class;
    }

    @Override
    public void register(Timeout timeout, Tags tags, MeterSet meters) {
        calls(timeout, tags, meters, "successful", TimeoutSnapshot::successfulCalls);
        calls(timeout, tags, meters, "failed", TimeoutSnapshot::failedCalls);
        calls(timeout, tags, meters, "timed_out", TimeoutSnapshot::timedOutCalls);
    }

    private static void calls(Timeout timeout, Tags tags, MeterSet meters, String kind,
            ToLongFunction<TimeoutSnapshot> count) {
        meters.register(registry -> FunctionCounter.builder("resilience.timeout.calls", timeout,
                        t -> count.applyAsLong(t.snapshot()))
                .description("Calls through the timeout that ended, by outcome")
                .tags(tags).tag("kind", kind)
                .register(registry));
    }
}
