package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerSnapshotTests {

    private static CircuitBreakerConfig.Builder config() {
        return CircuitBreakerConfig.builder()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(60)
                .slowCallDurationThreshold(Duration.ofSeconds(1))
                .waitDurationInOpenState(Duration.ofSeconds(30));
    }

    @Test
    void ratesAreMinusOneUntilTheMinimumNumberOfCalls() {
        BreakerFixture f = new BreakerFixture(config());
        f.fail(4);

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.failureRate()).isEqualTo(-1f);
        assertThat(snapshot.slowCallRate()).isEqualTo(-1f);
        assertThat(snapshot.bufferedCalls()).isEqualTo(4);
        assertThat(snapshot.failedCalls()).isEqualTo(4);
    }

    @Test
    void reportsWindowFiguresAndTotals() {
        BreakerFixture f = new BreakerFixture(config());
        f.fail(2);
        f.succeedTaking(Duration.ofMillis(1500));
        f.succeedTaking(Duration.ofMillis(500));
        f.succeed(1);
        f.throwing(new dev.resilience.BulkheadFullException("b", dev.resilience.BulkheadFullException.Reason.QUEUE_FULL, false));

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(snapshot.bufferedCalls()).isEqualTo(5);
        assertThat(snapshot.failedCalls()).isEqualTo(2);
        assertThat(snapshot.slowCalls()).isEqualTo(1);
        assertThat(snapshot.failureRate()).isEqualTo(40f);
        assertThat(snapshot.slowCallRate()).isEqualTo(20f);
        assertThat(snapshot.successfulCalls()).isEqualTo(3);
        assertThat(snapshot.failedCallsTotal()).isEqualTo(2);
        assertThat(snapshot.ignoredCalls()).isEqualTo(1);
        assertThat(snapshot.successfulNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(snapshot.failedNanos()).isZero();
        assertThat(snapshot.slowSuccessfulCalls()).isEqualTo(1);
        assertThat(snapshot.slowFailedCalls()).isZero();
        assertThat(snapshot.notPermittedCalls()).isZero();
        assertThat(snapshot.remainingWait()).isZero();
    }

    @Test
    void openShowsTheFiguresThatOpenedItAndTheRemainingWait() {
        BreakerFixture f = new BreakerFixture(config());
        f.succeed(2);
        f.fail(3);
        assertThat(f.breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        f.clock.advance(Duration.ofSeconds(12));

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.failureRate()).isEqualTo(60f);
        assertThat(snapshot.bufferedCalls()).isEqualTo(5);
        assertThat(snapshot.remainingWait()).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void theOpenExceptionNamesTheBreakerStateAndWaitWithoutAStackTrace() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(5);
        f.clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(f.breaker::acquirePermit)
                .isInstanceOfSatisfying(CircuitBreakerOpenException.class, e -> {
                    assertThat(e.getName()).isEqualTo("test");
                    assertThat(e.getState()).isEqualTo(CircuitBreakerState.OPEN);
                    assertThat(e.getRemainingWait()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(e.getStackTrace()).isEmpty();
                    assertThat(e.getMessage()).contains("'test'", "OPEN", "PT20S");
                });
    }

    @Test
    void theOpenExceptionHasAStackTraceWhenConfigured() {
        BreakerFixture f = new BreakerFixture(config().writableStackTrace(true));
        f.openWith(5);

        assertThatThrownBy(f.breaker::acquirePermit)
                .isInstanceOfSatisfying(CircuitBreakerOpenException.class,
                        e -> assertThat(e.getStackTrace()).isNotEmpty());
    }
}
