package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Workers record failures while another thread keeps replacing the breaker's thresholds (same window,
 * 50% and 60%, both under the workers' 75% failure rate):
 * the breaker opens exactly once, with one transition event, and stays OPEN through later switches.
 */
@Tag("concurrency")
class CircuitBreakerReconfigureConcurrencyTests {

    private static final int WORKERS = 8;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    private static CircuitBreakerConfig threshold(float percent) {
        return CircuitBreakerConfig.builder().slidingWindowSize(1000).minimumNumberOfCalls(500)
                .failureRateThreshold(percent).build();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void opensExactlyOnceWhileThresholdsChange(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("switched", threshold(60), clock);
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(event -> {
            if (event instanceof CircuitBreakerEvent.StateTransition transition) {
                transitions.add(transition);
            }
        });
        AtomicInteger workersLeft = new AtomicInteger(WORKERS);

        Concurrently.run(kind, WORKERS + 1, Duration.ofSeconds(60), index -> {
            if (index == WORKERS) {
                // until every worker is done, so the switches overlap the recording and the opening
                for (int round = 0; workersLeft.get() > 0; round++) {
                    breaker.reconfigure(threshold(round % 2 == 0 ? 50 : 60));
                    Thread.yield(); // virtual threads are not preempted: let the workers run
                }
                return;
            }
            try {
                record(breaker, clock);
            } finally {
                workersLeft.decrementAndGet();
            }
        });

        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).to()).isEqualTo(CircuitBreakerState.OPEN);
    }

    /** 2000 calls, three in four failing (75%: over both thresholds the test switches between). */
    private static void record(CircuitBreaker breaker, ManualClock clock) {
        for (int call = 0; call < 2_000; call++) {
            try {
                CircuitBreaker.Permit permit = breaker.acquirePermit();
                if (call % 4 == 0) {
                    permit.onSuccess(clock.nanoTime());
                } else {
                    permit.onError(clock.nanoTime(), new RuntimeException("down"));
                }
                Thread.yield();
            } catch (CircuitBreakerOpenException open) {
                return;
            }
        }
    }
}
