package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.FakeCircuitBreaker;
import dev.resilience.time.ManualClock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ResilienceHealthIndicatorTests {

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<CircuitBreaker> breakers = new InstanceRegistry<>(
            id -> new FakeCircuitBreaker(id.displayName(), CircuitBreakerConfig.defaults(), clock), name -> 10);

    private FakeCircuitBreaker breaker(String name, CircuitBreakerState state) {
        FakeCircuitBreaker breaker = (FakeCircuitBreaker) breakers.get(name);
        breaker.transitionTo(state, TransitionReason.MANUAL);
        return breaker;
    }

    @Test
    void detailsEveryBreakerWithStateAndFailureRateKeyedOnesIncluded() {
        breaker("payments", CircuitBreakerState.OPEN).rates(100, 0);
        ((FakeCircuitBreaker) breakers.get("hosts", "a")).rates(20, 0);

        Health health = new ResilienceHealthIndicator(breakers, false).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsExactly(
                Map.entry("hosts[a]", Map.of("state", "CLOSED", "failureRate", 20.0f)),
                Map.entry("payments", Map.of("state", "OPEN", "failureRate", 100.0f)));
    }

    @ParameterizedTest
    @EnumSource(value = CircuitBreakerState.class, names = { "OPEN", "FORCED_OPEN" })
    void isDownWhenAskedToAndABreakerIsOpen(CircuitBreakerState state) {
        breaker("payments", CircuitBreakerState.CLOSED);
        breaker("orders", state);

        assertThat(new ResilienceHealthIndicator(breakers, true).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void isDownWhenAKeyedBreakerIsOpen() {
        ((FakeCircuitBreaker) breakers.get("hosts", "a")).transitionTo(CircuitBreakerState.OPEN, TransitionReason.MANUAL);

        assertThat(new ResilienceHealthIndicator(breakers, true).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @ParameterizedTest
    @EnumSource(value = CircuitBreakerState.class, names = { "CLOSED", "HALF_OPEN", "DISABLED" })
    void staysUpWhenAskedToButNoBreakerIsOpen(CircuitBreakerState state) {
        breaker("payments", state);

        assertThat(new ResilienceHealthIndicator(breakers, true).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isUpWithNoDetailsWithoutARegistry() {
        Health health = new ResilienceHealthIndicator(null, true).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).isEmpty();
    }
}
