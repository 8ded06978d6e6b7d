package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ResilienceHealthIndicatorTests {

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<CircuitBreaker> breakers = Breakers.registry(clock);

    private Status status(boolean downOnOpen) {
        return new ResilienceHealthIndicator(breakers, downOnOpen).health().getStatus();
    }

    @Test
    void detailsEveryBreakerWithStateAndFailureRateKeyedOnesIncluded() {
        Breakers.open(breakers.get("payments"), clock);
        CircuitBreaker keyed = breakers.get("hosts", "a");
        Breakers.fail(keyed, clock, Duration.ofMillis(1));
        for (int i = 0; i < 4; i++) {
            Breakers.succeed(keyed, clock, Duration.ofMillis(1));
        }

        Health health = new ResilienceHealthIndicator(breakers, false).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsExactly(
                Map.entry("hosts[a]", Map.of("state", "CLOSED", "failureRate", 20.0f)),
                Map.entry("payments", Map.of("state", "OPEN", "failureRate", 100.0f)));
    }

    @Test
    void isDownWhenAskedToAndABreakerIsOpen() {
        breakers.get("orders");
        Breakers.open(breakers.get("payments"), clock);

        assertThat(status(true)).isEqualTo(Status.DOWN);
    }

    @Test
    void isDownWhenAskedToAndABreakerIsForcedOpen() {
        breakers.get("payments").forceOpen();

        assertThat(status(true)).isEqualTo(Status.DOWN);
    }

    @Test
    void isDownWhenAskedToAndAKeyedBreakerIsOpen() {
        Breakers.open(breakers.get("hosts", "a"), clock);

        assertThat(status(true)).isEqualTo(Status.DOWN);
    }

    @Test
    void staysUpWhenAskedToWhileABreakerIsHalfOpen() {
        Breakers.halfOpen(breakers.get("payments"), clock);

        assertThat(status(true)).isEqualTo(Status.UP);
    }

    @Test
    void staysUpWhenAskedToWhileABreakerIsDisabledOrClosed() {
        breakers.get("payments").disable();
        breakers.get("orders");

        assertThat(status(true)).isEqualTo(Status.UP);
    }

    @Test
    void isUpWithNoDetailsWithoutARegistry() {
        Health health = new ResilienceHealthIndicator(null, true).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).isEmpty();
    }
}
