package dev.resilience.spring.metrics;

import dev.resilience.BulkheadFullException;
import dev.resilience.bulkhead.Bulkhead;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The meters of a bulkhead (tags {@code name}, plus {@code key} for keyed bulkheads):
 * <ul>
 * <li>{@code resilience.bulkhead.active.calls}, {@code resilience.bulkhead.queued.calls},
 *     {@code resilience.bulkhead.max.concurrent.calls}: gauges;</li>
 * <li>{@code resilience.bulkhead.concurrency.limit}: gauge, the limit in effect ({@code max-concurrent-calls},
 *     or the adaptive limit's current value);</li>
 * <li>{@code resilience.bulkhead.rejected.calls}: counter per {@code reason} ({@code queue_full},
 *     {@code queue_timeout});</li>
 * <li>{@code resilience.bulkhead.queue.wait}: timer of the time queued callers spent in the queue,
 *     whatever ended their wait.</li>
 * </ul>
 * Every meter reads the bulkhead's snapshot when scraped; counts are totals since creation or the last
 * reset (a reset shows as a counter reset).
 *
 * <p>The queue-wait timer is a {@link FunctionTimer} over the snapshot's wait count and summed nanoseconds
 * rather than a {@code Timer} fed by {@link Bulkhead#onQueueWait}: a wait ends on the thread that hands a
 * slot over (a caller releasing its own permit), and a subscribed {@code Timer} would put Micrometer's
 * recording work on that call path. The price is that the timer has no maximum and no histogram; count and
 * sum give the mean wait, which is what the contract asks for. Stateless and thread safe.
 */
public final class BulkheadMeters implements InstanceMeters<Bulkhead> {

    private static final String PREFIX = "resilience.bulkhead.";

    @Override
    public Class<Bulkhead> instanceType() {
        return Bulkhead.class;
    }

    @Override
    public void register(Bulkhead bulkhead, Tags tags, MeterSet meters) {
        meters.register(registry -> Gauge.builder(PREFIX + "active.calls", bulkhead, b -> b.snapshot().activeCalls())
                .description("Calls holding a slot of the bulkhead")
                .tags(tags)
                .register(registry));
        meters.register(registry -> Gauge.builder(PREFIX + "queued.calls", bulkhead, b -> b.snapshot().queuedCalls())
                .description("Callers waiting in the bulkhead's queue")
                .tags(tags)
                .register(registry));
        meters.register(registry -> Gauge.builder(PREFIX + "max.concurrent.calls", bulkhead,
                        b -> b.config().maxConcurrentCalls())
                .description("The bulkhead's slots (max-concurrent-calls)")
                .tags(tags)
                .register(registry));
        meters.register(registry -> Gauge.builder(PREFIX + "concurrency.limit", bulkhead, Bulkhead::concurrencyLimit)
                .description("The most calls the bulkhead admits at once now (moves when adaptive)")
                .tags(tags)
                .register(registry));
        for (BulkheadFullException.Reason reason : BulkheadFullException.Reason.values()) {
            meters.register(registry -> FunctionCounter.builder(PREFIX + "rejected.calls", bulkhead,
                            b -> b.snapshot().rejectedCalls(reason))
                    .description("Calls the bulkhead rejected, by reason")
                    .tags(tags).tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        meters.register(registry -> FunctionTimer.builder(PREFIX + "queue.wait", bulkhead,
                        b -> b.snapshot().queueWaitCount(), b -> b.snapshot().queueWaitNanos(), TimeUnit.NANOSECONDS)
                .description("Time callers spent in the bulkhead's queue")
                .tags(tags)
                .register(registry));
    }
}
