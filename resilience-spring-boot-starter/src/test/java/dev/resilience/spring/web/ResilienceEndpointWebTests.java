package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ObservabilityWebTest
class ResilienceEndpointWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @Autowired
    private ManualClock clock;

    private RestTestClient.ResponseSpec post(String name, String body) {
        return client.post().uri("/actuator/resilience/circuitbreakers/{name}", name)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void listsAllFiveSectionsWithTheBreakersAndTheirFields() {
        breakers.get("Listing.call");

        client.get().uri("/actuator/resilience").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.circuitBreakers['Listing.call'].state").isEqualTo("CLOSED")
                .jsonPath("$.circuitBreakers['Listing.call'].failureRate").isEqualTo(-1.0)
                .jsonPath("$.circuitBreakers['Listing.call'].slowCallRate").isEqualTo(-1.0)
                .jsonPath("$.circuitBreakers['Listing.call'].bufferedCalls").isEqualTo(0)
                .jsonPath("$.circuitBreakers['Listing.call'].failedCalls").isEqualTo(0)
                .jsonPath("$.circuitBreakers['Listing.call'].slowCalls").isEqualTo(0)
                .jsonPath("$.circuitBreakers['Listing.call'].notPermittedCalls").isEqualTo(0)
                .jsonPath("$.circuitBreakers['Listing.call'].config").doesNotExist()
                .jsonPath("$.bulkheads").isMap()
                .jsonPath("$.retries").isMap()
                .jsonPath("$.timeouts").isMap()
                .jsonPath("$.rateLimiters").isMap();
    }

    @Test
    void describesOneBreakerWithConfigInIsoDurationsAndEventsNewestFirst() {
        CircuitBreaker breaker = breakers.get("Describe.call");
        Breakers.fail(breaker, clock, Duration.ofMillis(40));
        String now = Instant.ofEpochMilli(clock.epochMillis()).toString();
        breaker.forceOpen();

        client.get().uri("/actuator/resilience/circuitbreakers/Describe.call").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("FORCED_OPEN")
                .jsonPath("$.config.waitDurationInOpenState").isEqualTo("PT1M")
                .jsonPath("$.config.slowCallDurationThreshold").isEqualTo("PT0.4S")
                .jsonPath("$.config.maxWaitDurationInOpenState").isEqualTo("PT5M")
                .jsonPath("$.config.failureRateThreshold").isEqualTo(50.0)
                .jsonPath("$.config.maxKeys").isEqualTo(2)
                .jsonPath("$.config.failureStatusCodes[0]").isEqualTo("500-599")
                .jsonPath("$.events.length()").isEqualTo(2)
                .jsonPath("$.events[0].type").isEqualTo("STATE_TRANSITION")
                .jsonPath("$.events[0].from").isEqualTo("CLOSED")
                .jsonPath("$.events[0].to").isEqualTo("FORCED_OPEN")
                .jsonPath("$.events[0].timestamp").isEqualTo(now)
                .jsonPath("$.events[1].type").isEqualTo("FAILURE")
                .jsonPath("$.events[1].durationMs").isEqualTo(40)
                .jsonPath("$.events[1].exception").isEqualTo("java.io.IOException");
    }

    @Test
    void describesAKeyedBreakerByItsDisplayName() {
        breakers.get("Keyed.call", "a.example");

        client.get().uri("/actuator/resilience/circuitbreakers/{name}", "Keyed.call[a.example]").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED");
    }

    @Test
    void answers404ForAnUnknownNameOrType() {
        breakers.get("Known.call");

        client.get().uri("/actuator/resilience/circuitbreakers/Unknown.call").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/resilience/fuses/Known.call").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/resilience/bulkheads/Known.call").exchange().expectStatus().isNotFound();
        post("Unknown.call", "{\"action\":\"reset\"}").expectStatus().isNotFound();
    }

    @Test
    void forcesOpenDisablesAndResetsABreaker() {
        CircuitBreaker breaker = breakers.get("Actions.call");

        post("Actions.call", "{\"action\":\"force-open\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("FORCED_OPEN").jsonPath("$.config").isMap();
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);

        post("Actions.call", "{\"action\":\"disable\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("DISABLED");
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.DISABLED);

        breaker.reset();
        Breakers.open(breaker, clock);
        post("Actions.call", "{\"action\":\"reset\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("CLOSED")
                .jsonPath("$.bufferedCalls").isEqualTo(0)
                .jsonPath("$.failedCalls").isEqualTo(0)
                .jsonPath("$.failureRate").isEqualTo(-1.0);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void rejectsAnUnknownActionWith400AndAJsonErrorListingTheValidOnes() {
        breakers.get("Unknown.action");

        post("Unknown.action", "{\"action\":\"explode\"}").expectStatus().isBadRequest()
                .expectHeader().value("Content-Type", type -> assertThat(type).contains("json"))
                .expectBody()
                .jsonPath("$.error").value(String.class,
                        error -> assertThat(error).contains("explode", "reset, force-open, disable"));
        post("Unknown.action", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(String.class,
                        error -> assertThat(error).contains("reset, force-open, disable"));
    }
}
