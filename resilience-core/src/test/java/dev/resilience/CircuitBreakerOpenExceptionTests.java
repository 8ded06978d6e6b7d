package dev.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreakerState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The message is built when asked for, with the same text every time. */
class CircuitBreakerOpenExceptionTests {

    @Test
    void messageNamesTheBreakerTheStateAndTheRemainingWait() {
        CircuitBreakerOpenException open = new CircuitBreakerOpenException("payments", CircuitBreakerState.OPEN,
                Duration.ofSeconds(59), false);

        assertThat(open.getMessage()).isEqualTo("Circuit breaker 'payments' is OPEN; calls are not permitted for another PT59S")
                .isEqualTo(open.getMessage());
        assertThat(open.getLocalizedMessage()).isEqualTo(open.getMessage());
        assertThat(open).hasToString(CircuitBreakerOpenException.class.getName() + ": " + open.getMessage());
    }

    @Test
    void aZeroWaitIsLeftOutOfTheMessage() {
        CircuitBreakerOpenException forced = new CircuitBreakerOpenException("payments", CircuitBreakerState.FORCED_OPEN,
                Duration.ZERO, false);

        assertThat(forced.getMessage()).isEqualTo("Circuit breaker 'payments' is FORCED_OPEN; calls are not permitted");
        assertThat(forced.getName()).isEqualTo("payments");
    }
}
