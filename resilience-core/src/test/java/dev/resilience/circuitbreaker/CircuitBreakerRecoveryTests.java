package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerRecoveryTests {

    private static CircuitBreakerConfig.Builder config() {
        return CircuitBreakerConfig.builder()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedCallsInHalfOpenState(2)
                .successThreshold(3);
    }

    @Test
    void rejectsWhileOpenAndLetsAProbeThroughOnceTheWaitHasPassed() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(4);
        f.clock.advance(Duration.ofMillis(9_999));

        assertThatThrownBy(f.breaker::acquirePermit)
                .isInstanceOfSatisfying(CircuitBreakerOpenException.class, e -> {
                    assertThat(e.getState()).isEqualTo(CircuitBreakerState.OPEN);
                    assertThat(e.getRemainingWait()).isEqualTo(Duration.ofMillis(1));
                });

        f.clock.advance(Duration.ofMillis(1));
        assertThat(f.breaker.state()).as("the move to HALF_OPEN waits for a call").isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.breaker.snapshot().remainingWait()).isZero();

        f.breaker.acquirePermit();

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.WAIT_ELAPSED);
        assertThat(f.lastTransition().from()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void halfOpenAdmitsOnlyThePermittedNumberOfConcurrentProbes() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));
        CircuitBreaker.Permit first = f.breaker.acquirePermit();
        f.breaker.acquirePermit();

        assertThatThrownBy(f.breaker::acquirePermit)
                .isInstanceOfSatisfying(CircuitBreakerOpenException.class, e -> {
                    assertThat(e.getState()).isEqualTo(CircuitBreakerState.HALF_OPEN);
                    assertThat(e.getRemainingWait()).isZero();
                });

        first.release();
        f.breaker.acquirePermit();
        assertThat(f.breaker.snapshot().notPermittedCalls()).isEqualTo(1);
    }

    @Test
    void aProbeOutcomeGivesItsSlotBack() {
        BreakerFixture f = new BreakerFixture(config().successThreshold(10));
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));

        f.succeed(2);
        f.throwing(new dev.resilience.BulkheadFullException("inner", dev.resilience.BulkheadFullException.Reason.QUEUE_FULL, false));
        f.succeed(2);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        assertThat(f.breaker.snapshot().bufferedCalls()).isEqualTo(4);
        assertThat(f.breaker.snapshot().ignoredCalls()).isEqualTo(1);
    }

    @Test
    void closesAfterTheSuccessThresholdOfProbes() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));
        f.succeed(2);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);

        f.succeed(1);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.PROBES_SUCCEEDED);
    }

    @Test
    void aFailedProbeReopensWithAWaitMultipliedUpToTheMaximum() {
        BreakerFixture f = new BreakerFixture(config()
                .openStateBackoffMultiplier(2)
                .maxWaitDurationInOpenState(Duration.ofSeconds(35)));
        f.openWith(4);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(10));

        f.clock.advance(Duration.ofSeconds(10));
        f.fail(1);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.PROBE_FAILED);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(20));

        f.clock.advance(Duration.ofSeconds(20));
        f.fail(1);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(35));

        f.clock.advance(Duration.ofSeconds(35));
        f.fail(1);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void reachingClosedResetsTheBackoff() {
        BreakerFixture f = new BreakerFixture(config()
                .openStateBackoffMultiplier(3)
                .maxWaitDurationInOpenState(Duration.ofMinutes(5)));
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));
        f.fail(1);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(30));
        f.clock.advance(Duration.ofSeconds(30));
        f.succeed(3);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

        f.openWith(4);

        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyTransitionStartsAnEmptyWindow() {
        BreakerFixture f = new BreakerFixture(config());
        f.succeed(1);
        f.fail(3);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        f.clock.advance(Duration.ofSeconds(10));
        f.succeed(1);
        assertThat(f.breaker.snapshot().bufferedCalls()).as("HALF_OPEN starts empty").isEqualTo(1);
        f.succeed(2);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.snapshot().bufferedCalls()).as("CLOSED starts empty").isZero();

        f.fail(1);
        f.succeed(3);

        assertThat(f.breaker.state())
                .as("the three failures from before OPEN no longer count")
                .isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.snapshot().failedCalls()).isEqualTo(1);
    }

    @Test
    void aPermitFromAClosedStateThatWasLeftDoesNotTouchTheNewState() {
        BreakerFixture f = new BreakerFixture(config().permittedCallsInHalfOpenState(1));
        CircuitBreaker.Permit stale = f.breaker.acquirePermit();
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));
        CircuitBreaker.Permit probe = f.breaker.acquirePermit();

        stale.onError(f.clock.nanoTime(), new IllegalStateException("late"));
        stale.release();

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        assertThatThrownBy(f.breaker::acquirePermit)
                .as("the stale release gave no probe slot to HALF_OPEN")
                .isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(f.breaker.snapshot().failedCallsTotal()).as("statistics still count it").isEqualTo(5);
        probe.onSuccess(f.clock.nanoTime());
        assertThat(f.breaker.snapshot().bufferedCalls()).isEqualTo(1);
    }

    @Test
    void aPermitFromAHalfOpenStateThatWasLeftDoesNotTouchTheClosedWindow() {
        BreakerFixture f = new BreakerFixture(config().successThreshold(1));
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));
        CircuitBreaker.Permit lateProbe = f.breaker.acquirePermit();
        f.succeed(1);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

        lateProbe.onError(f.clock.nanoTime(), new IllegalStateException("late"));

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.snapshot().bufferedCalls()).isZero();
        assertThat(f.transitions()).hasSize(3);
    }
}
