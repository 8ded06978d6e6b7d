package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Workers record failures while another thread keeps replacing the breaker's thresholds (same window):
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
        CircuitBreaker breaker = CircuitBreaker.of("switched", threshold(90), clock);
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(event -> {
            if (event instanceof CircuitBreakerEvent.StateTransition transition) {
                transitions.add(transition);
            }
        });
        AtomicBoolean done = new AtomicBoolean();

        Concurrently.run(kind, WORKERS + 1, Duration.ofSeconds(60), index -> {
            if (index == WORKERS) {
                for (int round = 0; !done.get() && round < 100_000; round++) {
                    breaker.reconfigure(threshold(round % 2 == 0 ? 50 : 90));
                }
                return;
            }
            for (int call = 0; call < 2_000; call++) {
                try {
                    CircuitBreaker.Permit permit = breaker.acquirePermit();
                    if (call % 4 == 0) {
                        permit.onSuccess(clock.nanoTime());
                    } else {
                        permit.onError(clock.nanoTime(), new RuntimeException("down"));
                    }
                } catch (CircuitBreakerOpenException open) {
                    done.set(true);
                }
            }
        });

        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).to()).isEqualTo(CircuitBreakerState.OPEN);
    }
}
