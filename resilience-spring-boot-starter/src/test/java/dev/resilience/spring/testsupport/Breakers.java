package dev.resilience.spring.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Real circuit breakers on a {@link ManualClock} for the observability tests, and calls through them
 * that take an exact time: each call moves the clock by its duration while it runs.
 */
public final class Breakers {

    /**
     * Every test breaker's configuration: 4 calls before rates count, opens at 50% failures, slow from
     * 400 ms, {@link IllegalStateException} ignored, one minute in OPEN, two keys per name.
     */
    public static final CircuitBreakerConfig CONFIG = CircuitBreakerConfig.builder()
            .slidingWindowSize(10)
            .minimumNumberOfCalls(4)
            .failureRateThreshold(50)
            .slowCallDurationThreshold(Duration.ofMillis(400))
            .waitDurationInOpenState(Duration.ofMinutes(1))
            .ignoreExceptions(List.of(IllegalStateException.class))
            .maxKeys(2)
            .build();

    private Breakers() {
    }

    /**
     * A registry that builds real breakers with {@link #CONFIG}.
     *
     * @param clock their time source
     * @return a new registry
     */
    public static InstanceRegistry<CircuitBreaker> registry(ManualClock clock) {
        return new InstanceRegistry<>(id -> CircuitBreaker.of(id.displayName(), CONFIG, clock), name -> CONFIG.maxKeys());
    }

    /** Makes a call that returns normally after {@code took}. */
    public static void succeed(CircuitBreaker breaker, ManualClock clock, Duration took) {
        breaker.run(() -> clock.advance(took));
    }

    /** Makes a call that throws an {@link IOException} (a failure) after {@code took}. */
    public static void fail(CircuitBreaker breaker, ManualClock clock, Duration took) {
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> breaker.call(() -> {
            clock.advance(took);
            throw new IOException("secret user data");
        }));
    }

    /** Makes a call that throws an ignored {@link IllegalStateException} after {@code took}. */
    public static void ignored(CircuitBreaker breaker, ManualClock clock, Duration took) {
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> breaker.run(() -> {
            clock.advance(took);
            throw new IllegalStateException("secret user data");
        }));
    }

    /** Tries a call that the open breaker rejects. */
    public static void rejected(CircuitBreaker breaker) {
        assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(breaker::acquirePermit);
    }

    /** Opens a closed breaker with {@code minimum-number-of-calls} quick failures (failure rate 100). */
    public static void open(CircuitBreaker breaker, ManualClock clock) {
        for (int i = 0; i < CONFIG.minimumNumberOfCalls(); i++) {
            fail(breaker, clock, Duration.ofMillis(1));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    }

    /** Opens a closed breaker, waits out the open state and lets one probe in (then gives it back). */
    public static void halfOpen(CircuitBreaker breaker, ManualClock clock) {
        open(breaker, clock);
        clock.advance(CONFIG.waitDurationInOpenState());
        breaker.acquirePermit().release();
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
    }
}
