package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.event.EventType;
import dev.resilience.testing.Allocations;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CircuitBreakerStatusOutcomeTests {

    private static final long SECOND = 1_000_000_000L;

    private static BreakerFixture breakerOpeningAfter(int failures) {
        return new BreakerFixture(CircuitBreakerConfig.builder()
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(Duration.ofSeconds(60))
                .maxWaitDurationInOpenState(Duration.ofSeconds(120))
                .permittedCallsInHalfOpenState(1)
                .successThreshold(1));
    }

    private static void status(BreakerFixture f, int status, long hintNanos) {
        f.breaker.acquirePermit().onStatus(f.clock.nanoTime(), status, hintNanos);
    }

    @Test
    void aFailureStatusIsAFailureAndOtherStatusesAreSuccesses() {
        BreakerFixture f = breakerOpeningAfter(10);

        status(f, 503, -1);
        status(f, 404, -1);
        status(f, 200, -1);

        assertThat(f.breaker.snapshot().failedCalls()).isEqualTo(1);
        assertThat(f.breaker.snapshot().successfulCalls()).isEqualTo(2);
        assertThat(f.eventsOf(CircuitBreakerEvent.Failure.class)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("status", 503));
    }

    @Test
    void theOpeningFailuresHintSetsTheOpenWait() {
        BreakerFixture f = breakerOpeningAfter(2);

        status(f, 503, -1);
        status(f, 503, 7 * SECOND);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(7));
        f.clock.advance(Duration.ofMillis(6_999));
        assertThatThrownBy(f.breaker::acquirePermit).isInstanceOf(CircuitBreakerOpenException.class);
        f.clock.advance(Duration.ofMillis(1));
        f.breaker.acquirePermit().release();
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
    }

    @Test
    void aHintIsCappedByTheMaximumOpenWait() {
        BreakerFixture f = breakerOpeningAfter(1);

        status(f, 429, 3_600 * SECOND);

        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aFailedProbeWithAHintReopensForTheHintedWait() {
        BreakerFixture f = breakerOpeningAfter(1);
        status(f, 503, -1);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(60));
        f.clock.advance(Duration.ofSeconds(60));

        status(f, 503, 5 * SECOND);

        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aHintOnAFailureThatDoesNotOpenIsForgotten() {
        BreakerFixture f = breakerOpeningAfter(2);

        status(f, 503, 5 * SECOND);
        status(f, 503, -1);

        assertThat(f.breaker.snapshot().remainingWait()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void successfulStatusesAllocateNothing() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("hot", CircuitBreakerConfig.defaults(), clock);
        breaker.events().subscribe(EnumSet.of(EventType.STATE_TRANSITION), event -> { });

        long allocated = Allocations.bytesAllocated(1, () -> {
            for (int i = 0; i < 100_000; i++) {
                breaker.acquirePermit().onStatus(clock.nanoTime(), 200, -1);
            }
        });

        assertThat(allocated).isLessThan(1024);
    }
}
