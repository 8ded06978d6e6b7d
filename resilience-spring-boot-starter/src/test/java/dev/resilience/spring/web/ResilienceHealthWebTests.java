package dev.resilience.spring.web;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.FakeCircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@ObservabilityWebTest
class ResilienceHealthWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @BeforeEach
    void closeEveryBreaker() {
        // the context is shared: breakers other test classes left open would turn health DOWN
        breakers.all().values().forEach(CircuitBreaker::reset);
    }

    @Test
    void showsEveryBreakerInTheDetailsAndStaysUpWhileNoneIsOpen() {
        breakers.get("Health.closed");
        ((FakeCircuitBreaker) breakers.get("Health.halfOpen")).transitionTo(CircuitBreakerState.HALF_OPEN,
                TransitionReason.WAIT_ELAPSED);

        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.resilience.status").isEqualTo("UP")
                .jsonPath("$.components.resilience.details['Health.closed'].state").isEqualTo("CLOSED")
                .jsonPath("$.components.resilience.details['Health.closed'].failureRate").isEqualTo(-1.0)
                .jsonPath("$.components.resilience.details['Health.halfOpen'].state").isEqualTo("HALF_OPEN");
    }

    @Test
    void turnsDownWhenABreakerIsOpenAndDownOnOpenIsSet() {
        FakeCircuitBreaker breaker = (FakeCircuitBreaker) breakers.get("Health.open");
        breaker.transitionTo(CircuitBreakerState.OPEN, TransitionReason.FAILURE_RATE);
        breaker.rates(100, 0);

        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.resilience.status").isEqualTo("DOWN")
                .jsonPath("$.components.resilience.details['Health.open'].state").isEqualTo("OPEN")
                .jsonPath("$.components.resilience.details['Health.open'].failureRate").isEqualTo(100.0);
    }
}
