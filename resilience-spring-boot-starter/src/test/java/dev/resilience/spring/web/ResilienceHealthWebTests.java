package dev.resilience.spring.web;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.time.ManualClock;
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

    @Autowired
    private ManualClock clock;

    @BeforeEach
    void closeEveryBreaker() {
        // the context is shared: breakers other test classes left open would turn health DOWN
        breakers.all().values().forEach(CircuitBreaker::reset);
    }

    @Test
    void showsEveryBreakerInTheDetailsAndStaysUpWhileNoneIsOpen() {
        breakers.get("Health.closed");
        Breakers.halfOpen(breakers.get("Health.halfOpen"), clock);

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
        Breakers.open(breakers.get("Health.open"), clock);

        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.resilience.status").isEqualTo("DOWN")
                .jsonPath("$.components.resilience.details['Health.open'].state").isEqualTo("OPEN")
                .jsonPath("$.components.resilience.details['Health.open'].failureRate").isEqualTo(100.0);
    }
}
