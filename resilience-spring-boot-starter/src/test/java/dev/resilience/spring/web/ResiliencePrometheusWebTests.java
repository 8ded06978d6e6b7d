package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.FakeCircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@ObservabilityWebTest
class ResiliencePrometheusWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    private String scrape() {
        return client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void rendersTheCircuitBreakerMetersUnderTheirPrometheusNames() {
        FakeCircuitBreaker breaker = (FakeCircuitBreaker) breakers.get("prom");
        breaker.recordSuccess(Duration.ofMillis(250), false);
        breaker.recordFailure(Duration.ofMillis(500), IOException.class, true);
        breaker.recordFailure(Duration.ofMillis(250), IOException.class, false);
        breaker.recordIgnored(Duration.ofMillis(100), IllegalStateException.class);
        breaker.rates(66.5f, 33.25f);
        breaker.transitionTo(CircuitBreakerState.OPEN, TransitionReason.FAILURE_RATE);
        breaker.rejectCall();

        assertThat(scrape().lines()).contains(
                "resilience_circuitbreaker_state{name=\"prom\",state=\"closed\"} 0.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"open\"} 1.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"half_open\"} 0.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"forced_open\"} 0.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"disabled\"} 0.0",
                "resilience_circuitbreaker_calls_seconds_count{kind=\"successful\",name=\"prom\"} 1",
                "resilience_circuitbreaker_calls_seconds_sum{kind=\"successful\",name=\"prom\"} 0.25",
                "resilience_circuitbreaker_calls_seconds_count{kind=\"failed\",name=\"prom\"} 2",
                "resilience_circuitbreaker_calls_seconds_sum{kind=\"failed\",name=\"prom\"} 0.75",
                "resilience_circuitbreaker_calls_seconds_count{kind=\"ignored\",name=\"prom\"} 1",
                "resilience_circuitbreaker_calls_seconds_sum{kind=\"ignored\",name=\"prom\"} 0.1",
                "resilience_circuitbreaker_slow_calls_total{kind=\"successful\",name=\"prom\"} 0.0",
                "resilience_circuitbreaker_slow_calls_total{kind=\"failed\",name=\"prom\"} 1.0",
                "resilience_circuitbreaker_not_permitted_calls_total{name=\"prom\"} 1.0",
                "resilience_circuitbreaker_failure_rate{name=\"prom\"} -1.0",
                "resilience_circuitbreaker_slow_call_rate{name=\"prom\"} -1.0",
                "resilience_circuitbreaker_transitions_total{from=\"closed\",name=\"prom\",to=\"open\"} 1.0");
    }

    @Test
    void rendersRatesInPercent() {
        ((FakeCircuitBreaker) breakers.get("prom.rates")).rates(62.5f, 12.5f);

        assertThat(scrape().lines()).contains(
                "resilience_circuitbreaker_failure_rate{name=\"prom.rates\"} 62.5",
                "resilience_circuitbreaker_slow_call_rate{name=\"prom.rates\"} 12.5");
    }

    @Test
    void tagsKeyedBreakersWithTheirKeyAndDropsThemOnEviction() {
        breakers.get("prom.keyed", "a");
        assertThat(scrape()).contains(
                "resilience_circuitbreaker_state{key=\"a\",name=\"prom.keyed\",state=\"closed\"} 1.0");

        breakers.get("prom.keyed", "b");
        breakers.get("prom.keyed", "c");

        String scraped = scrape();
        assertThat(scraped).doesNotContain("key=\"a\"")
                .contains("resilience_circuitbreaker_state{key=\"c\",name=\"prom.keyed\",state=\"closed\"} 1.0");
    }
}
