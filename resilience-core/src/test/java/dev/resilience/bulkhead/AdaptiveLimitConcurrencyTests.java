package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.BulkheadFullException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many threads call through an adaptive bulkhead with a queue while one more thread moves a manual clock,
 * so that some calls are slow (the limit falls) and others fast (it grows again). Checked: the calls
 * inside never exceed {@code max-concurrent-calls}, the limit never leaves [min, max] and did move, no
 * permit leaks, and admitted plus refused calls add up to the attempts.
 */
@Tag("concurrency")
class AdaptiveLimitConcurrencyTests {

    private static final int MAX = 8;
    private static final int MIN = 2;
    private static final int WORKERS = 8;
    private static final int CALLS_PER_WORKER = 20_000;

    static Stream<Arguments> kindsAndAlgorithms() {
        return ThreadKind.available().stream().flatMap(kind -> Stream.of(AdaptiveLimitAlgorithm.values())
                .map(algorithm -> Arguments.of(kind, algorithm)));
    }

    @ParameterizedTest
    @MethodSource("kindsAndAlgorithms")
    void staysWithinItsBoundsWhileTheLimitMovesUnderLoad(ThreadKind kind, AdaptiveLimitAlgorithm algorithm) {
        ManualClock clock = new ManualClock();
        Bulkhead bulkhead = Bulkhead.of("adaptive", BulkheadConfig.builder().maxConcurrentCalls(MAX).maxQueueSize(4)
                .maxWaitDuration(Duration.ofMillis(2))
                .adaptive(AdaptiveLimitConfig.builder().enabled(true).algorithm(algorithm).minConcurrentCalls(MIN)
                        .latencyThreshold(Duration.ofMillis(1)).backoffRatio(0.75).smoothing(0.3).build())
                .build(), clock, clock);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        LongAdder admitted = new LongAdder();
        LongAdder refused = new LongAdder();
        Set<Integer> limitsSeen = ConcurrentHashMap.newKeySet();
        AtomicInteger workersLeft = new AtomicInteger(WORKERS);

        Concurrently.run(kind, WORKERS + 1, Duration.ofSeconds(60), index -> {
            if (index == WORKERS) {
                while (workersLeft.get() > 0) {
                    clock.advanceNanos(ThreadLocalRandom.current().nextLong(100_000));
                    limitsSeen.add(bulkhead.concurrencyLimit());
                    Thread.yield();
                }
                return;
            }
            try {
                for (int i = 0; i < CALLS_PER_WORKER; i++) {
                    Bulkhead.Permit permit;
                    try {
                        permit = bulkhead.acquirePermit();
                    } catch (BulkheadFullException e) {
                        refused.increment();
                        continue;
                    }
                    admitted.increment();
                    int now = inside.incrementAndGet();
                    mostInside.accumulateAndGet(now, Math::max);
                    if (i % 50 == 0) {
                        clock.advanceNanos(1_000_000); // a slow call
                    }
                    inside.decrementAndGet();
                    permit.release();
                    limitsSeen.add(bulkhead.concurrencyLimit());
                }
            } finally {
                workersLeft.decrementAndGet();
            }
        });
        clock.advance(Duration.ofSeconds(1));

        assertThat(mostInside.get()).isBetween(1, MAX);
        assertThat(inside).hasValue(0);
        assertThat(admitted.sum() + refused.sum()).isEqualTo((long) WORKERS * CALLS_PER_WORKER);
        BulkheadSnapshot snapshot = bulkhead.snapshot();
        assertThat(snapshot.activeCalls()).isZero();
        assertThat(snapshot.queuedCalls()).isZero();
        assertThat(snapshot.rejectedCalls()).isEqualTo(refused.sum());
        assertThat(limitsSeen).allSatisfy(limit -> assertThat(limit).isBetween(MIN, MAX));
        assertThat(limitsSeen).as("the limit moved under load").hasSizeGreaterThan(1);
        int limit = bulkhead.concurrencyLimit();
        assertThat(limit).isBetween(MIN, MAX);
        for (int i = 0; i < limit; i++) {
            assertThat(bulkhead.acquirePermitAsync().toCompletableFuture()).as("slot %d is free again", i).isCompleted();
        }
    }
}
