package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerOpeningTests {

    private static CircuitBreakerConfig.Builder countWindow(int size, int minimumCalls, float failureRate) {
        return CircuitBreakerConfig.builder()
                .slidingWindowSize(size)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRate);
    }

    @Test
    void opensWhenTheFailureRateReachesTheThresholdExactly() {
        BreakerFixture f = new BreakerFixture(countWindow(4, 4, 75));
        f.succeed(1);
        f.fail(2);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

        f.fail(1);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.FAILURE_RATE);
        assertThat(f.lastTransition().from()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.lastTransition().to()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void staysClosedJustBelowTheThreshold() {
        BreakerFixture f = new BreakerFixture(countWindow(4, 4, 75));
        f.succeed(2);
        f.fail(2);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.snapshot().failureRate()).isEqualTo(50f);
    }

    @Test
    void doesNotOpenBeforeTheMinimumNumberOfCalls() {
        BreakerFixture f = new BreakerFixture(countWindow(10, 10, 50));
        f.fail(9);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.snapshot().failureRate()).isEqualTo(-1f);

        f.fail(1);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void countWindowForgetsTheOldestCallOnceFull() {
        BreakerFixture f = new BreakerFixture(countWindow(4, 4, 75));
        f.fail(2);
        f.succeed(4);
        f.fail(2);

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.bufferedCalls()).isEqualTo(4);
        assertThat(snapshot.failedCalls()).isEqualTo(2);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void opensWhenTheSlowCallRateReachesTheThreshold() {
        BreakerFixture f = new BreakerFixture(countWindow(4, 4, 100)
                .slowCallDurationThreshold(Duration.ofSeconds(1))
                .slowCallRateThreshold(50));
        f.succeedTaking(Duration.ofMillis(999));
        f.succeedTaking(Duration.ofMillis(10));
        f.succeedTaking(Duration.ofSeconds(1));
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.snapshot().slowCalls()).isEqualTo(1);

        f.succeedTaking(Duration.ofSeconds(5));

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.SLOW_CALL_RATE);
        assertThat(f.eventsOf(CircuitBreakerEvent.SlowCall.class)).hasSize(2);
    }

    @Test
    void opensAfterConsecutiveFailuresAndASuccessStartsTheCountAgain() {
        BreakerFixture f = new BreakerFixture(countWindow(100, 100, 50).consecutiveFailureThreshold(3));
        f.fail(2);
        f.succeed(1);
        f.fail(2);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

        f.fail(1);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.lastTransition().reason()).isEqualTo(TransitionReason.CONSECUTIVE_FAILURES);
    }

    @Test
    void consecutiveFailureThresholdZeroIsOff() {
        BreakerFixture f = new BreakerFixture(countWindow(100, 100, 50).consecutiveFailureThreshold(0));
        f.fail(99);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void timeWindowForgetsSecondsThatHavePassed() {
        BreakerFixture f = new BreakerFixture(CircuitBreakerConfig.builder()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50));
        f.fail(3);
        f.clock.advance(Duration.ofSeconds(9));
        assertThat(f.breaker.snapshot().bufferedCalls()).isEqualTo(3);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.breaker.snapshot().bufferedCalls()).isZero();

        f.fail(1);
        f.succeed(3);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(f.breaker.snapshot().failureRate()).isEqualTo(25f);
    }

    @Test
    void timeWindowKeepsEverySecondOfTheWindowAndOpensOnTheirSum() {
        BreakerFixture f = new BreakerFixture(CircuitBreakerConfig.builder()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(3)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(100));
        f.fail(1);
        f.clock.advance(Duration.ofSeconds(1));
        f.fail(1);
        f.clock.advance(Duration.ofMillis(1500));
        assertThat(f.breaker.snapshot().bufferedCalls()).isEqualTo(2);

        f.fail(1);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void timeWindowAllowsAMinimumAboveItsSizeInSeconds() {
        BreakerFixture f = new BreakerFixture(CircuitBreakerConfig.builder()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(50)
                .failureRateThreshold(50));
        f.fail(49);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

        f.fail(1);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    }
}
