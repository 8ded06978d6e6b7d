package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CircuitBreakerCallTests {

    private final BreakerFixture f = new BreakerFixture(CircuitBreakerConfig.builder()
            .slidingWindowSize(3)
            .minimumNumberOfCalls(3)
            .statusResolver(value -> value instanceof Integer status ? status : -1));

    @Test
    void aCallClosedAfterSuccessRecordsOneSuccessWithItsDuration() {
        try (CircuitBreaker.Call call = f.breaker.acquire()) {
            f.clock.advance(Duration.ofMillis(40));
            call.success();
        }

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.successfulCalls()).isEqualTo(1);
        assertThat(snapshot.failedCallsTotal()).isZero();
        assertThat(snapshot.successfulNanos()).isEqualTo(Duration.ofMillis(40).toNanos());
    }

    @Test
    void aCallClosedWithoutAnOutcomeRecordsAFailure() {
        CircuitBreaker.Call call = f.breaker.acquire();
        f.clock.advance(Duration.ofMillis(5));
        call.close();
        call.close();

        assertThat(f.breaker.snapshot().failedCalls()).as("closing twice records once").isEqualTo(1);
        assertThat(f.breaker.snapshot().failedNanos()).isEqualTo(Duration.ofMillis(5).toNanos());
        assertThat(f.eventsOf(CircuitBreakerEvent.Failure.class).get(0).exception()).isNull();
    }

    @Test
    void aCallsFailureIsClassifiedLikeAnyError() {
        try (CircuitBreaker.Call call = f.breaker.acquire()) {
            call.failure(new dev.resilience.BulkheadFullException("b", dev.resilience.BulkheadFullException.Reason.QUEUE_FULL, false));
        }

        assertThat(f.breaker.snapshot().ignoredCalls()).isEqualTo(1);
        assertThat(f.breaker.snapshot().bufferedCalls()).isZero();
    }

    @Test
    void aSecondOutcomeForTheSameCallIsRejected() {
        CircuitBreaker.Call call = f.breaker.acquire();
        call.success();

        assertThatThrownBy(() -> call.failure(new IllegalStateException())).isInstanceOf(IllegalStateException.class);
        call.close();
        assertThat(f.breaker.snapshot().bufferedCalls()).isEqualTo(1);
    }

    @Test
    void acquiringACallWhileOpenThrows() {
        f.breaker.forceOpen();

        assertThatThrownBy(f.breaker::acquire).isInstanceOf(CircuitBreakerOpenException.class);
    }

    @Test
    void callReturnsTheResultAndClassifiesItsStatus() throws Exception {
        assertThat(f.breaker.call(() -> 503)).isEqualTo(503);
        assertThat(f.breaker.call(() -> 200)).isEqualTo(200);

        assertThat(f.breaker.snapshot().failedCalls()).isEqualTo(1);
        assertThat(f.breaker.snapshot().successfulCalls()).isEqualTo(1);
    }

    @Test
    void callRethrowsCheckedExceptionsAfterRecordingThem() {
        assertThatThrownBy(() -> f.breaker.call(() -> {
            throw new IOException("down");
        })).isInstanceOf(IOException.class);

        assertThat(f.breaker.snapshot().failedCalls()).isEqualTo(1);
    }

    @Test
    void getAndRunRecordOutcomesAndRethrow() {
        assertThat(f.breaker.get(() -> "ok")).isEqualTo("ok");
        AtomicBoolean ran = new AtomicBoolean();
        f.breaker.run(() -> ran.set(true));
        assertThatThrownBy(() -> f.breaker.run(() -> {
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ran).isTrue();
        assertThat(f.breaker.snapshot().successfulCalls()).isEqualTo(2);
        assertThat(f.breaker.snapshot().failedCalls()).isEqualTo(1);
    }

    @Test
    void rejectedCallsDoNotRunTheCode() {
        f.breaker.forceOpen();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> f.breaker.run(() -> ran.set(true))).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(ran).isFalse();
    }
}
