package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerHealthHoldTests {

    private static CircuitBreakerConfig.Builder config() {
        return CircuitBreakerConfig.builder()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .openStateBackoffMultiplier(2)
                .permittedCallsInHalfOpenState(1)
                .successThreshold(1);
    }

    @Test
    void holdOpensAClosedBreakerWithTheHealthCheckReasonAndItsText() {
        BreakerFixture f = new BreakerFixture(config());

        assertThat(f.breaker.holdOpen("url http://db/health: HTTP 503")).isTrue();

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.breaker.holdReason()).isEqualTo("url http://db/health: HTTP 503");
        CircuitBreakerEvent.StateTransition transition = f.lastTransition();
        assertThat(transition.from()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(transition.to()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(transition.reason()).isEqualTo(TransitionReason.HEALTH_CHECK);
        assertThat(transition.details()).containsEntry("reason", "HEALTH_CHECK")
                .containsEntry("detail", "url http://db/health: HTTP 503");
        assertThatThrownBy(f.breaker::acquirePermit).isInstanceOfSatisfying(CircuitBreakerOpenException.class,
                e -> assertThat(e.getState()).isEqualTo(CircuitBreakerState.OPEN));
    }

    @Test
    void heldBreakerStaysOpenLongAfterTheOpenWait() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.holdOpen("down");

        f.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(f.breaker::acquirePermit).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.breaker.snapshot().remainingWait()).as("unknown while held").isZero();
        assertThat(f.transitions()).hasSize(1);
    }

    @Test
    void repeatedHoldsMakeOneTransitionAndKeepTheFirstReason() {
        BreakerFixture f = new BreakerFixture(config());

        assertThat(f.breaker.holdOpen("first")).isTrue();
        assertThat(f.breaker.holdOpen("second")).isFalse();
        assertThat(f.breaker.holdOpen("first")).isFalse();

        assertThat(f.transitions()).hasSize(1);
        assertThat(f.breaker.holdReason()).isEqualTo("first");
    }

    @Test
    void releaseMovesToHalfOpenAtOnceAndASuccessfulProbeCloses() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.holdOpen("down");

        assertThat(f.breaker.releaseHold("healthy again")).isTrue();

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        assertThat(f.breaker.holdReason()).isNull();
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.HEALTH_CHECK);
        assertThat(f.lastTransition().detail()).isEqualTo("healthy again");
        f.succeed(1);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.PROBES_SUCCEEDED);
    }

    @Test
    void aFailedProbeAfterReleaseReopensWithTheFirstWait() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.holdOpen("down");
        f.breaker.releaseHold("up");

        f.fail(1);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.breaker.holdReason()).isNull();
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void releaseWithoutAHoldChangesNothing() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(4);

        assertThat(f.breaker.releaseHold("up")).isFalse();

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.transitions()).hasSize(1);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.FAILURE_RATE);
    }

    @Test
    void holdReplacesAnOpenStateSoTheWaitNoLongerLetsProbesThrough() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(4);

        assertThat(f.breaker.holdOpen("down")).isTrue();
        f.clock.advance(Duration.ofSeconds(11));

        assertThatThrownBy(f.breaker::acquirePermit).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(f.lastTransition().from()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.HEALTH_CHECK);
        assertThat(f.breaker.snapshot().failedCalls()).as("the opening window's figures stay").isEqualTo(4);
    }

    @Test
    void holdTakesAHalfOpenBreakerAndLateProbeOutcomesChangeNothing() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(4);
        f.clock.advance(Duration.ofSeconds(10));
        CircuitBreaker.Permit probe = f.breaker.acquirePermit();
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);

        assertThat(f.breaker.holdOpen("down")).isTrue();
        probe.onSuccess(f.clock.nanoTime());

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.breaker.holdReason()).isEqualTo("down");
    }

    @Test
    void forcedOpenAndDisabledWinOverTheSignal() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.forceOpen();
        assertThat(f.breaker.holdOpen("down")).isFalse();
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);

        f.breaker.disable();
        assertThat(f.breaker.holdOpen("down")).isFalse();
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.DISABLED);
        assertThat(f.breaker.holdReason()).isNull();
        assertThat(f.transitions()).extracting(CircuitBreakerEvent.StateTransition::reason)
                .containsOnly(TransitionReason.MANUAL);
    }

    @Test
    void manualActionsEndTheHoldAndTheNextSignalHoldsAgain() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.holdOpen("down");

        f.breaker.reset();
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.holdReason()).isNull();
        assertThat(f.breaker.releaseHold("up")).as("nothing left to release").isFalse();

        assertThat(f.breaker.holdOpen("still down")).isTrue();
        f.breaker.forceOpen();
        assertThat(f.breaker.holdReason()).isNull();
        assertThat(f.breaker.releaseHold("up")).isFalse();
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);
    }

    @Test
    void reconfigureKeepsTheHold() {
        BreakerFixture f = new BreakerFixture(config());
        f.breaker.holdOpen("down");

        f.breaker.reconfigure(config().slidingWindowSize(8).build());

        assertThat(f.breaker.holdReason()).isEqualTo("down");
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void holdRequiresAReason() {
        BreakerFixture f = new BreakerFixture(config());
        assertThatThrownBy(() -> f.breaker.holdOpen(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> f.breaker.releaseHold(null)).isInstanceOf(NullPointerException.class);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }
}
