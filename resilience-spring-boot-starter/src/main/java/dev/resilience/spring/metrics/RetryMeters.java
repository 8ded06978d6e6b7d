package dev.resilience.spring.metrics;

import dev.resilience.retry.Retry;
import dev.resilience.retry.RetrySnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToLongFunction;

/**
 * The meters of a retry (tag {@code name}):
 * <ul>
 * <li>{@code resilience.retry.calls}: counter per {@code kind} ({@code successful_without_retry},
 *     {@code successful_with_retry}, {@code failed_without_retry}, {@code failed_with_retry}), calls that
 *     ended;</li>
 * <li>{@code resilience.retry.attempts}: counter of retries made (a failure followed by a successful retry
 *     counts 1; SPEC ruling 9).</li>
 * </ul>
 * Both read the retry's snapshot when scraped; counts are totals since creation or the last reset.
 * Stateless and thread safe.
 */
public final class RetryMeters implements InstanceMeters<Retry> {

    private static final String PREFIX = "resilience.retry.";

    @Override
    public Class<Retry> instanceType() {
        return Retry.class;
    }

    @Override
    public void register(Retry retry, Tags tags, MeterSet meters) {
        calls(retry, tags, meters, "successful_without_retry", RetrySnapshot::successfulWithoutRetry);
        calls(retry, tags, meters, "successful_with_retry", RetrySnapshot::successfulWithRetry);
        calls(retry, tags, meters, "failed_without_retry", RetrySnapshot::failedWithoutRetry);
        calls(retry, tags, meters, "failed_with_retry", RetrySnapshot::failedWithRetry);
        meters.register(registry -> FunctionCounter.builder(PREFIX + "attempts", retry, r -> r.snapshot().retries())
                .description("Retries made (first attempts not included)")
                .tags(tags)
                .register(registry));
    }

    private static void calls(Retry retry, Tags tags, MeterSet meters, String kind, ToLongFunction<RetrySnapshot> count) {
        meters.register(registry -> FunctionCounter.builder(PREFIX + "calls", retry, r -> count.applyAsLong(r.snapshot()))
                .description("Calls through the retry that ended, by outcome")
                .tags(tags).tag("kind", kind)
                .register(registry));
    }
}
