package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Callers race health signals: each change of the signal makes exactly one transition, the transition
 * events form one unbroken chain, and a hold is never lost or doubled.
 */
@Tag("concurrency")
class CircuitBreakerHealthHoldConcurrencyTests {

    private static final int CALLERS = 6;
    private static final int SIGNALLERS = 2;
    private static final int ROUNDS = 2_000;
    private static final int CALLS = 10_000;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    private static CircuitBreaker breaker(ManualClock clock, List<CircuitBreakerEvent.StateTransition> transitions) {
        CircuitBreaker breaker = CircuitBreaker.of("held", CircuitBreakerConfig.builder().slidingWindowSize(20)
                .minimumNumberOfCalls(20).failureRateThreshold(50).permittedCallsInHalfOpenState(2)
                .successThreshold(2).build(), clock);
        breaker.events().subscribe(event -> {
            if (event instanceof CircuitBreakerEvent.StateTransition transition) {
                transitions.add(transition);
            }
        });
        return breaker;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everySignalChangeMakesExactlyOneTransitionWhileCallersRace(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        CircuitBreaker breaker = breaker(clock, transitions);
        AtomicInteger holds = new AtomicInteger();
        AtomicInteger releases = new AtomicInteger();

        // Every thread runs a bounded loop: on virtual threads, one looping until another finishes could keep
        // that other one from ever being scheduled (yielded threads run before newly submitted ones).
        Concurrently.run(kind, CALLERS + SIGNALLERS, Duration.ofSeconds(60), index -> {
            if (index < SIGNALLERS) {
                for (int round = 0; round < ROUNDS; round++) {
                    if (breaker.holdOpen("down " + index)) {
                        holds.incrementAndGet();
                    }
                    Thread.yield(); // virtual threads are not preempted: let the callers run
                    if (breaker.releaseHold("up " + index)) {
                        releases.incrementAndGet();
                    }
                }
                return;
            }
            for (int call = 0; call < CALLS; call++) {
                call(breaker, clock, call % 2 == 0);
            }
        });

        List<CircuitBreakerEvent.StateTransition> signalled = transitions.stream()
                .filter(t -> t.reason() == TransitionReason.HEALTH_CHECK).toList();
        assertThat(signalled.stream().filter(t -> t.to() == CircuitBreakerState.OPEN)).hasSize(holds.get());
        assertThat(signalled.stream().filter(t -> t.to() == CircuitBreakerState.HALF_OPEN)).hasSize(releases.get());
        assertThat(holds.get()).as("a hold only from unheld, a release only from held")
                .isBetween(releases.get(), releases.get() + 1);
        assertThat(breaker.holdReason() != null).isEqualTo(holds.get() == releases.get() + 1);
        assertThat(holds.get()).as("the signal did change").isPositive();
        CircuitBreakerState previous = CircuitBreakerState.CLOSED;
        for (CircuitBreakerEvent.StateTransition transition : transitions) {
            assertThat(transition.from()).as("events in transition order, none lost").isEqualTo(previous);
            previous = transition.to();
        }
        assertThat(previous).isEqualTo(breaker.state());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentHoldsMakeOneTransitionAndThenAdmitNothing(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        CircuitBreaker breaker = breaker(clock, transitions);
        AtomicInteger holds = new AtomicInteger();

        Concurrently.run(kind, CALLERS + SIGNALLERS, Duration.ofSeconds(60), index -> {
            if (index < SIGNALLERS) {
                for (int round = 0; round < ROUNDS; round++) {
                    if (breaker.holdOpen("down")) {
                        holds.incrementAndGet();
                    }
                }
                return;
            }
            for (int call = 0; call < ROUNDS; call++) {
                call(breaker, clock, true);
            }
        });

        assertThat(holds.get()).isEqualTo(1);
        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).reason()).isEqualTo(TransitionReason.HEALTH_CHECK);
        assertThatThrownBy(breaker::acquirePermit).isInstanceOf(CircuitBreakerOpenException.class);
    }

    private static void call(CircuitBreaker breaker, ManualClock clock, boolean succeed) {
        try {
            CircuitBreaker.Permit permit = breaker.acquirePermit();
            if (succeed) {
                permit.onSuccess(clock.nanoTime());
            } else {
                permit.onError(clock.nanoTime(), new IllegalStateException("down"));
            }
        } catch (CircuitBreakerOpenException rejected) {
            // rejected: nothing to record
        }
        Thread.yield(); // virtual threads are not preempted: a spinning caller must let the signallers run
    }
}
