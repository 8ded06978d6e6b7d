package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerReconfigureTests {

    private static CircuitBreakerConfig.Builder config() {
        return CircuitBreakerConfig.builder().slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(60));
    }

    @Test
    void anOpenBreakerStaysOpenWithItsWait() {
        BreakerFixture fixture = new BreakerFixture(config());
        fixture.fail(4);
        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);

        CircuitBreakerConfig old = fixture.breaker.reconfigure(config().failureRateThreshold(90)
                .waitDurationInOpenState(Duration.ofSeconds(5)).build());

        assertThat(old.failureRateThreshold()).isEqualTo(50);
        assertThat(fixture.breaker.config().failureRateThreshold()).isEqualTo(90);
        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        fixture.clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(fixture.breaker::acquirePermit).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(fixture.transitions()).hasSize(1);
    }

    @Test
    void aClosedBreakerKeepsItsWindowAndJudgesItByTheNewThreshold() {
        BreakerFixture fixture = new BreakerFixture(config().failureRateThreshold(80));
        fixture.succeed(2);
        fixture.fail(2);
        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

        fixture.breaker.reconfigure(config().failureRateThreshold(30).build());

        assertThat(fixture.breaker.snapshot().bufferedCalls()).isEqualTo(4);
        fixture.succeed(1); // 2 of 5 failed = 40% >= 30%
        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(fixture.transitions()).hasSize(1);
    }

    @Test
    void aNewWindowSizeStartsAnEmptyWindowWithoutATransition() {
        BreakerFixture fixture = new BreakerFixture(config());
        fixture.fail(3);

        fixture.breaker.reconfigure(config().slidingWindowSize(20).build());

        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(fixture.breaker.snapshot().bufferedCalls()).isZero();
        fixture.fail(1);
        assertThat(fixture.breaker.state()).as("one failure is below the minimum of the new window")
                .isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(fixture.transitions()).isEmpty();
    }

    @Test
    void aConsecutiveFailureThresholdTurnedOnCountsFromTheSwitchInTheLiveState() {
        BreakerFixture fixture = new BreakerFixture(config().minimumNumberOfCalls(10));
        fixture.fail(2);

        fixture.breaker.reconfigure(config().minimumNumberOfCalls(10).consecutiveFailureThreshold(3).build());
        fixture.fail(2);
        assertThat(fixture.breaker.state()).as("failures before the switch were not counted in a row")
                .isEqualTo(CircuitBreakerState.CLOSED);
        fixture.fail(1);

        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(fixture.breaker.snapshot().bufferedCalls()).as("same window as before the switch")
                .isEqualTo(5);
    }
}
