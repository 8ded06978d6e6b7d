package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.event.EventType;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class CircuitBreakerConcurrencyTests {

    private static final int THREADS = 16;
    private static final Duration BOUND = Duration.ofSeconds(30);

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    static Stream<Arguments> kindsAndWindows() {
        return ThreadKind.available().stream().flatMap(kind -> Stream.of(SlidingWindowType.values())
                .map(type -> Arguments.of(kind, type)));
    }

    private static List<CircuitBreakerEvent.StateTransition> transitionsOf(CircuitBreaker breaker) {
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(EnumSet.of(EventType.STATE_TRANSITION),
                event -> transitions.add((CircuitBreakerEvent.StateTransition) event));
        return transitions;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndWindows")
    void manyThreadsFailingAtOnceOpenTheBreakerExactlyOnce(ThreadKind kind, SlidingWindowType type) {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("race", CircuitBreakerConfig.builder()
                .slidingWindowType(type)
                .slidingWindowSize(50)
                .minimumNumberOfCalls(20)
                .consecutiveFailureThreshold(30)
                .build(), clock);
        List<CircuitBreakerEvent.StateTransition> transitions = transitionsOf(breaker);
        LongAdder rejected = new LongAdder();

        Concurrently.run(kind, THREADS, BOUND, index -> {
            for (int i = 0; i < 200; i++) {
                try {
                    breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException());
                } catch (CircuitBreakerOpenException e) {
                    rejected.increment();
                }
            }
        });

        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).from()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(transitions.get(0).to()).isEqualTo(CircuitBreakerState.OPEN);
        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.failedCallsTotal() + snapshot.notPermittedCalls()).isEqualTo(THREADS * 200L);
        assertThat(snapshot.notPermittedCalls()).isEqualTo(rejected.sum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void halfOpenNeverHasMoreProbesInFlightThanPermitted(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        int permitted = 3;
        CircuitBreaker breaker = CircuitBreaker.of("probes", CircuitBreakerConfig.builder()
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .waitDurationInOpenState(Duration.ofSeconds(1))
                .permittedCallsInHalfOpenState(permitted)
                .successThreshold(Integer.MAX_VALUE)
                .build(), clock);
        breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException());
        clock.advance(Duration.ofSeconds(1));
        breaker.acquirePermit().release();
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        LongAdder admitted = new LongAdder();
        LongAdder rejected = new LongAdder();

        Concurrently.run(kind, THREADS, BOUND, index -> {
            for (int i = 0; i < 2_000; i++) {
                CircuitBreaker.Permit permit;
                try {
                    permit = breaker.acquirePermit();
                } catch (CircuitBreakerOpenException e) {
                    rejected.increment();
                    continue;
                }
                admitted.increment();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.yield();
                inFlight.decrementAndGet();
                switch (i % 3) {
                    case 0 -> permit.onSuccess(clock.nanoTime());
                    case 1 -> permit.release();
                    default -> permit.onError(clock.nanoTime(),
                            new BulkheadFullException("inner", BulkheadFullException.Reason.QUEUE_FULL, false));
                }
            }
        });

        assertThat(maxInFlight.get()).isBetween(1, permitted);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        assertThat(admitted.sum() + rejected.sum()).isEqualTo(THREADS * 2_000L);
        assertThat(breaker.snapshot().notPermittedCalls()).isEqualTo(rejected.sum());
        for (int i = 0; i < permitted; i++) {
            breaker.acquirePermit();
        }
        assertThat(breaker.snapshot().notPermittedCalls())
                .as("every slot came back: all %d can be taken again", permitted)
                .isEqualTo(rejected.sum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void probesFailingAtOnceReopenTheBreakerExactlyOnce(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("probes", CircuitBreakerConfig.builder()
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .waitDurationInOpenState(Duration.ofSeconds(1))
                .permittedCallsInHalfOpenState(THREADS)
                .build(), clock);
        breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException());
        clock.advance(Duration.ofSeconds(1));
        List<CircuitBreakerEvent.StateTransition> transitions = transitionsOf(breaker);

        Concurrently.run(kind, THREADS, BOUND, index -> {
            try {
                breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException());
            } catch (CircuitBreakerOpenException e) {
                // a thread that arrives after the re-open is rejected; that is fine here
            }
        });

        assertThat(transitions).extracting(CircuitBreakerEvent.StateTransition::to)
                .containsExactly(CircuitBreakerState.HALF_OPEN, CircuitBreakerState.OPEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void firstFailuresIgnoredSlowAndRejectedCallsRacingOnFreshBreakersLoseNoCount(ThreadKind kind) {
        // those counters are created by the first call that needs them: racing first calls must share one
        ManualClock clock = new ManualClock();
        CircuitBreakerConfig config = CircuitBreakerConfig.builder()
                .slidingWindowSize(1_000)
                .minimumNumberOfCalls(1_000)
                .slowCallDurationThreshold(Duration.ofNanos(1))
                .ignoreExceptions(List.of(UnsupportedOperationException.class))
                .build();
        for (int round = 0; round < 20; round++) {
            CircuitBreaker breaker = CircuitBreaker.of("fresh" + round, config, clock);
            CircuitBreaker open = CircuitBreaker.of("open" + round, config, clock);
            open.forceOpen();
            long start = clock.nanoTime() - 5;

            Concurrently.run(kind, THREADS, BOUND, index -> {
                breaker.acquirePermit().onError(start, new IllegalStateException());
                breaker.acquirePermit().onError(start, new UnsupportedOperationException());
                breaker.acquirePermit().onSuccess(start);
                try {
                    open.acquirePermit();
                } catch (CircuitBreakerOpenException expected) {
                    // counted as not permitted
                }
            });

            CircuitBreakerSnapshot snapshot = breaker.snapshot();
            assertThat(snapshot.failedCallsTotal()).isEqualTo(THREADS);
            assertThat(snapshot.slowFailedCalls()).isEqualTo(THREADS);
            assertThat(snapshot.failedNanos()).isEqualTo(5L * THREADS);
            assertThat(snapshot.ignoredCalls()).isEqualTo(THREADS);
            assertThat(snapshot.ignoredNanos()).isEqualTo(5L * THREADS);
            assertThat(snapshot.slowSuccessfulCalls()).isEqualTo(THREADS);
            assertThat(open.snapshot().notPermittedCalls()).isEqualTo(THREADS);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndWindows")
    void countsAddUpWhenManyThreadsRecordAtOnce(ThreadKind kind, SlidingWindowType type) {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("counts", CircuitBreakerConfig.builder()
                .slidingWindowType(type)
                .slidingWindowSize(type == SlidingWindowType.COUNT_BASED ? 100_000 : 3_600)
                .minimumNumberOfCalls(1_000)
                .failureRateThreshold(100)
                .build(), clock);
        int callsPerThread = 6_000;

        Concurrently.run(kind, THREADS, BOUND, index -> {
            for (int i = 0; i < callsPerThread; i++) {
                if (index == 0 && i % 100 == 0) {
                    clock.advance(Duration.ofMillis(50));
                }
                CircuitBreaker.Permit permit = breaker.acquirePermit();
                switch ((i + index) % 3) {
                    case 0 -> permit.onSuccess(clock.nanoTime());
                    case 1 -> permit.onError(clock.nanoTime(), new IllegalStateException());
                    default -> permit.onError(clock.nanoTime(),
                            new BulkheadFullException("inner", BulkheadFullException.Reason.QUEUE_FULL, false));
                }
            }
        });

        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(snapshot.successfulCalls() + snapshot.failedCallsTotal() + snapshot.ignoredCalls())
                .isEqualTo((long) THREADS * callsPerThread);
        assertThat(snapshot.bufferedCalls()).isEqualTo(snapshot.successfulCalls() + snapshot.failedCallsTotal());
        assertThat(snapshot.failedCalls()).isEqualTo(snapshot.failedCallsTotal());
        if (type == SlidingWindowType.TIME_BASED) {
            clock.advance(Duration.ofHours(1));
            assertThat(breaker.snapshot().bufferedCalls()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSmallCountWindowStaysExactThroughWrapAroundRaces(ThreadKind kind) {
        int size = 8;
        CountWindow window = new CountWindow(size, new RateThresholds(CircuitBreakerConfig.builder()
                .slidingWindowSize(size).minimumNumberOfCalls(size).build()), (calls, failed) -> { });
        int failedSlow = SlidingWindow.RECORDED | SlidingWindow.FAILED | SlidingWindow.SLOW;

        Concurrently.run(kind, THREADS, BOUND, index -> {
            for (int i = 0; i < 50_000; i++) {
                window.record((i + index) % 2 == 0 ? SlidingWindow.RECORDED : failedSlow, 0);
            }
        });

        for (int i = 0; i < size; i++) {
            window.record(failedSlow, 0);
        }
        assertThat(window.counts(0)).as("no delta lost or doubled").isEqualTo(new WindowCounts(size, size, size));
        for (int i = 0; i < size; i++) {
            window.record(SlidingWindow.RECORDED, 0);
        }
        assertThat(window.counts(0)).isEqualTo(new WindowCounts(size, 0, 0));
    }
}
