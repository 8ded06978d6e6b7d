package dev.resilience.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;

/** Failures injected straight into a breaker of the running sample. */
final class Breakers {

    private static final int MAX_CALLS = 100;

    private Breakers() {
    }

    /** Fails calls through the breaker until it opens (at most {@value #MAX_CALLS}). */
    static void failUntilOpen(CircuitBreaker breaker) {
        for (int call = 0; call < MAX_CALLS && breaker.state() == CircuitBreakerState.CLOSED; call++) {
            assertThatExceptionOfType(DownstreamException.class).isThrownBy(() -> breaker.call(() -> {
                throw new DownstreamException("injected");
            }));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    }
}
