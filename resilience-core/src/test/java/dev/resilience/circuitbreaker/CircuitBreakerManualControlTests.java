package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerManualControlTests {

    private static CircuitBreakerConfig.Builder config() {
        return CircuitBreakerConfig.builder()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .openStateBackoffMultiplier(2)
                .successThreshold(1);
    }

    @Test
    void forceOpenRejectsEveryCallWithoutARemainingWait() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.forceOpen();
        f.clock.advance(Duration.ofDays(1));

        assertThatThrownBy(f.breaker::acquirePermit)
                .isInstanceOfSatisfying(CircuitBreakerOpenException.class, e -> {
                    assertThat(e.getState()).isEqualTo(CircuitBreakerState.FORCED_OPEN);
                    assertThat(e.getRemainingWait()).isZero();
                });
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.MANUAL);
        assertThat(f.breaker.snapshot().notPermittedCalls()).isEqualTo(1);
    }

    @Test
    void disableLetsEveryCallThroughAndRecordsNothingInAWindow() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.disable();
        f.fail(100);

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.state()).isEqualTo(CircuitBreakerState.DISABLED);
        assertThat(snapshot.bufferedCalls()).isZero();
        assertThat(snapshot.failureRate()).isEqualTo(-1f);
        assertThat(snapshot.failedCallsTotal()).as("statistics keep counting").isEqualTo(100);
        assertThat(f.lastTransition().to()).isEqualTo(CircuitBreakerState.DISABLED);
    }

    @Test
    void resetClosesWithAnEmptyWindowClearedStatisticsAndNoBackoff() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));
        f.fail(1);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(f.breaker::acquirePermit).isInstanceOf(CircuitBreakerOpenException.class);

        f.breaker.reset();

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(snapshot.bufferedCalls()).isZero();
        assertThat(snapshot.failedCallsTotal()).isZero();
        assertThat(snapshot.notPermittedCalls()).isZero();
        assertThat(f.lastTransition())
                .extracting(CircuitBreakerEvent.StateTransition::from, CircuitBreakerEvent.StateTransition::to,
                        CircuitBreakerEvent.StateTransition::reason)
                .containsExactly(CircuitBreakerState.OPEN, CircuitBreakerState.CLOSED, TransitionReason.MANUAL);
        f.openWith(4);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void eachManualActionPublishesExactlyOneEvent() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.forceOpen();
        f.breaker.forceOpen();
        f.breaker.disable();
        f.breaker.reset();

        assertThat(f.transitions())
                .extracting(CircuitBreakerEvent.StateTransition::from, CircuitBreakerEvent.StateTransition::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CircuitBreakerState.CLOSED, CircuitBreakerState.FORCED_OPEN),
                        org.assertj.core.groups.Tuple.tuple(CircuitBreakerState.FORCED_OPEN, CircuitBreakerState.FORCED_OPEN),
                        org.assertj.core.groups.Tuple.tuple(CircuitBreakerState.FORCED_OPEN, CircuitBreakerState.DISABLED),
                        org.assertj.core.groups.Tuple.tuple(CircuitBreakerState.DISABLED, CircuitBreakerState.CLOSED));
        assertThat(f.transitions()).allMatch(t -> t.reason() == TransitionReason.MANUAL);
    }

    @Test
    void aCallAdmittedBeforeForceOpenStillCountsInTheStatistics() {
        BreakerFixture f = new BreakerFixture(config());
        CircuitBreaker.Permit permit = f.breaker.acquirePermit();
        f.breaker.forceOpen();

        permit.onSuccess(f.clock.nanoTime());

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);
        assertThat(f.breaker.snapshot().successfulCalls()).isEqualTo(1);
        assertThat(f.breaker.snapshot().bufferedCalls()).isZero();
    }
}
