package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveThresholdTests {

    private static CircuitBreakerConfig.Builder adaptive(float target, float min, float max, double smoothing) {
        return CircuitBreakerConfig.builder().slidingWindowSize(10).minimumNumberOfCalls(10).failureRateThreshold(50)
                .adaptive(AdaptiveThresholdConfig.builder().enabled(true).targetErrorRate(target)
                        .minFailureRateThreshold(min).maxFailureRateThreshold(max).smoothing(smoothing).build());
    }

    /** One full count window of 10 calls with {@code failures} failures, the failures first. */
    private static void window(BreakerFixture fixture, int failures) {
        fixture.fail(failures);
        fixture.succeed(10 - failures);
    }

    @Test
    void movesBySmoothingTowardTheObservedRatePlusTargetAfterEachFullWindow() {
        BreakerFixture fixture = new BreakerFixture(adaptive(20, 10, 90, 0.5));
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(50f);

        window(fixture, 1); // 10% observed: desired 30
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(40f);
        window(fixture, 1);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(35f);
        for (int i = 0; i < 20; i++) {
            window(fixture, 1);
        }
        assertThat(fixture.breaker.failureRateThreshold()).isCloseTo(30f, within(0.01f));
        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(fixture.breaker.config().failureRateThreshold()).as("the configured value stays").isEqualTo(50f);
    }

    @Test
    void doesNotMoveWithinAWindowOnlyWhenItHasFilled() {
        BreakerFixture fixture = new BreakerFixture(adaptive(20, 10, 90, 1.0));
        fixture.succeed(9);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(50f);
        fixture.succeed(1);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(20f);
    }

    @Test
    void neverLeavesItsBoundsWhateverTheRate() {
        BreakerFixture high = new BreakerFixture(adaptive(30, 20, 60, 0.7));
        List<Float> seen = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            window(high, 4); // 40% + 30 = 70, above max
            seen.add(high.breaker.failureRateThreshold());
        }
        assertThat(seen).allSatisfy(t -> assertThat(t).isBetween(20f, 60f));
        assertThat(high.breaker.failureRateThreshold()).isEqualTo(60f);
        assertThat(high.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

        BreakerFixture clean = new BreakerFixture(adaptive(20, 20, 60, 1.0).failureRateThreshold(40));
        for (int i = 0; i < 5; i++) {
            window(clean, 0);
            assertThat(clean.breaker.failureRateThreshold()).isBetween(20f, 60f);
        }
        assertThat(clean.breaker.failureRateThreshold()).as("a clean service converges to the target").isEqualTo(20f);
    }

    @Test
    void doesNotDriftWithoutTraffic() {
        BreakerFixture fixture = new BreakerFixture(adaptive(20, 10, 90, 0.5));
        window(fixture, 0);
        float after = fixture.breaker.failureRateThreshold();
        assertThat(after).isEqualTo(35f);

        for (int i = 0; i < 10; i++) {
            fixture.clock.advance(Duration.ofHours(1));
            fixture.breaker.snapshot();
        }

        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(after);
    }

    @Test
    void opensAtTheAdaptedThresholdWhereTheConfiguredOneWouldNot() {
        BreakerFixture adaptiveBreaker = new BreakerFixture(adaptive(20, 10, 90, 1.0));
        BreakerFixture fixedBreaker = new BreakerFixture(CircuitBreakerConfig.builder().slidingWindowSize(10)
                .minimumNumberOfCalls(10).failureRateThreshold(50));
        for (BreakerFixture fixture : List.of(adaptiveBreaker, fixedBreaker)) {
            window(fixture, 0);
            fixture.fail(2); // 2 of 10 failed: 20%
        }

        assertThat(fixedBreaker.breaker.failureRateThreshold()).isEqualTo(50f);
        assertThat(fixedBreaker.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(adaptiveBreaker.breaker.failureRateThreshold()).isEqualTo(20f);
        assertThat(adaptiveBreaker.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void aWindowThatOpensTheBreakerIsNotSampledAndTheThresholdSurvivesTransitions() {
        BreakerFixture fixture = new BreakerFixture(adaptive(20, 10, 90, 1.0)
                .waitDurationInOpenState(Duration.ofSeconds(1)).permittedCallsInHalfOpenState(1).successThreshold(1));
        window(fixture, 0);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(20f);

        fixture.succeed(8);
        fixture.fail(2); // the 10th call of the lap opens the breaker (20% >= 20%); sampled, it would give 40
        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(20f);

        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.succeed(1);
        assertThat(fixture.breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        fixture.fail(2);
        fixture.succeed(8);
        assertThat(fixture.breaker.state()).as("20% >= 20% in the new CLOSED window").isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void aTimeBasedWindowIsSampledOncePerWindowLength() {
        BreakerFixture fixture = new BreakerFixture(adaptive(20, 10, 90, 1.0)
                .slidingWindowType(SlidingWindowType.TIME_BASED).slidingWindowSize(5).minimumNumberOfCalls(4));
        for (int second = 0; second < 5; second++) {
            fixture.succeed(2);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(fixture.breaker.failureRateThreshold()).as("not reported before the next window starts")
                .isEqualTo(50f);

        fixture.succeed(1);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(20f);

        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.fail(1); // second 6
        fixture.clock.advance(Duration.ofSeconds(3));
        fixture.succeed(1); // second 9
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.succeed(1); // second 10: seconds 5 to 9 are reported, 3 calls, 1 failed
        assertThat(fixture.breaker.failureRateThreshold()).as("fewer calls than minimum-number-of-calls")
                .isEqualTo(20f);

        fixture.clock.advance(Duration.ofHours(1));
        fixture.breaker.snapshot();
        fixture.clock.advance(Duration.ofHours(1));
        fixture.breaker.snapshot();
        assertThat(fixture.breaker.failureRateThreshold()).as("silence is no sample").isEqualTo(20f);
    }

    @Test
    void reconfigureStartsAgainFromTheConfiguredThreshold() {
        BreakerFixture fixture = new BreakerFixture(adaptive(20, 10, 90, 1.0));
        window(fixture, 0);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(20f);

        fixture.breaker.reconfigure(adaptive(20, 10, 90, 1.0).failureRateThreshold(60).build());
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(60f);

        fixture.breaker.reconfigure(CircuitBreakerConfig.builder().slidingWindowSize(10).minimumNumberOfCalls(10)
                .failureRateThreshold(45).build());
        window(fixture, 0);
        assertThat(fixture.breaker.failureRateThreshold()).as("adaptation off").isEqualTo(45f);
    }

    @Test
    void reconfigureWithTheSameAdaptiveSettingsKeepsTheLearntThreshold() {
        BreakerFixture fixture = new BreakerFixture(adaptive(20, 10, 90, 1.0));
        window(fixture, 0);
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(20f);

        fixture.breaker.reconfigure(adaptive(20, 10, 90, 1.0).build());
        assertThat(fixture.breaker.failureRateThreshold()).as("the same values re-applied").isEqualTo(20f);
        fixture.breaker.reconfigure(adaptive(20, 10, 90, 1.0).waitDurationInOpenState(Duration.ofSeconds(5)).build());
        assertThat(fixture.breaker.failureRateThreshold()).as("another key changed").isEqualTo(20f);
        fixture.fail(2);
        assertThat(fixture.breaker.state()).as("judged by the kept threshold: 20% >= 20%")
                .isEqualTo(CircuitBreakerState.OPEN);

        fixture.breaker.reconfigure(adaptive(25, 10, 90, 1.0).build());
        assertThat(fixture.breaker.failureRateThreshold()).as("an adaptive value changed").isEqualTo(50f);
    }

    @Test
    void anInstanceWithAdaptationOffKeepsItsThreshold() {
        BreakerFixture fixture = new BreakerFixture(CircuitBreakerConfig.builder().slidingWindowSize(10)
                .minimumNumberOfCalls(10).failureRateThreshold(50));
        for (int i = 0; i < 10; i++) {
            window(fixture, i % 4);
        }
        assertThat(fixture.breaker.failureRateThreshold()).isEqualTo(50f);
    }
}
