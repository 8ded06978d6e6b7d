package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(classes = ObservabilityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=resilience")
@AutoConfigureRestTestClient
class ResilienceEndpointReadOnlyWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @Test
    void readsByDefault() {
        breakers.get("ReadOnly.call");

        client.get().uri("/actuator/resilience/circuitbreakers/ReadOnly.call").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED");
    }

    @Test
    void refusesActionsByDefault() {
        CircuitBreaker breaker = breakers.get("ReadOnly.call");

        client.post().uri("/actuator/resilience/circuitbreakers/ReadOnly.call")
                .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"force-open\"}").exchange()
                .expectStatus().isEqualTo(405);

        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }
}
