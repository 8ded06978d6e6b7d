package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.event.EventType;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class CircuitBreakerStatusConcurrencyTests {

    private static final int THREADS = 16;
    private static final long SECOND = 1_000_000_000L;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void threadsReportingHintedFailureStatusesOpenTheBreakerOnceWithTheOpeningCallsHint(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("race", CircuitBreakerConfig.builder()
                .slidingWindowSize(50)
                .minimumNumberOfCalls(20)
                .waitDurationInOpenState(Duration.ofSeconds(60))
                .build(), clock);
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(EnumSet.of(EventType.STATE_TRANSITION),
                event -> transitions.add((CircuitBreakerEvent.StateTransition) event));
        LongAdder reported = new LongAdder();
        LongAdder rejected = new LongAdder();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(30), index -> {
            for (int i = 0; i < 200; i++) {
                try {
                    CircuitBreaker.Permit permit = breaker.acquirePermit();
                    // every thread sees 503s with its own Retry-After: (index + 1) seconds
                    permit.onStatus(clock.nanoTime(), 503, (index + 1) * SECOND);
                    reported.increment();
                } catch (CircuitBreakerOpenException expected) {
                    rejected.increment();
                }
                Thread.yield();
            }
        });

        assertThat(transitions).singleElement().satisfies(t -> assertThat(t.to()).isEqualTo(CircuitBreakerState.OPEN));
        // the one opening record's hint, never the configured 60 s (a success could open it too, by completing
        // minimum-number-of-calls, so only failures are reported here)
        assertThat(breaker.snapshot().remainingWait()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(THREADS));
        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        // every report is counted in the totals; the window shown is the one that opened the breaker: it holds
        // at least the minimum number of calls, and a failure reported while or after it opened (by a caller
        // let in just before) may or may not have entered it
        assertThat(snapshot.failedCallsTotal()).isEqualTo(reported.sum());
        assertThat(snapshot.failedCalls()).isBetween(20, (int) reported.sum());
        assertThat(snapshot.notPermittedCalls()).isEqualTo(rejected.sum());
    }
}
