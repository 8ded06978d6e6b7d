package dev.resilience.spring.web;

import static dev.resilience.spring.testsupport.Breakers.fail;
import static dev.resilience.spring.testsupport.Breakers.ignored;
import static dev.resilience.spring.testsupport.Breakers.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.time.ManualClock;
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

    @Autowired
    private ManualClock clock;

    private String scrape() {
        return client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void rendersTheCircuitBreakerMetersUnderTheirPrometheusNames() {
        CircuitBreaker breaker = breakers.get("prom");
        succeed(breaker, clock, Duration.ofMillis(250));
        fail(breaker, clock, Duration.ofMillis(500));
        ignored(breaker, clock, Duration.ofMillis(100));
        fail(breaker, clock, Duration.ofMillis(250));
        fail(breaker, clock, Duration.ofMillis(250));
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        Breakers.rejected(breaker);

        assertThat(scrape().lines()).contains(
                "resilience_circuitbreaker_state{name=\"prom\",state=\"closed\"} 0.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"open\"} 1.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"half_open\"} 0.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"forced_open\"} 0.0",
                "resilience_circuitbreaker_state{name=\"prom\",state=\"disabled\"} 0.0",
                "resilience_circuitbreaker_calls_seconds_count{kind=\"successful\",name=\"prom\"} 1",
                "resilience_circuitbreaker_calls_seconds_sum{kind=\"successful\",name=\"prom\"} 0.25",
                "resilience_circuitbreaker_calls_seconds_count{kind=\"failed\",name=\"prom\"} 3",
                "resilience_circuitbreaker_calls_seconds_sum{kind=\"failed\",name=\"prom\"} 1.0",
                "resilience_circuitbreaker_calls_seconds_count{kind=\"ignored\",name=\"prom\"} 1",
                "resilience_circuitbreaker_calls_seconds_sum{kind=\"ignored\",name=\"prom\"} 0.1",
                "resilience_circuitbreaker_slow_calls_total{kind=\"successful\",name=\"prom\"} 0.0",
                "resilience_circuitbreaker_slow_calls_total{kind=\"failed\",name=\"prom\"} 1.0",
                "resilience_circuitbreaker_not_permitted_calls_total{name=\"prom\"} 1.0",
                "resilience_circuitbreaker_failure_rate{name=\"prom\"} 75.0",
                "resilience_circuitbreaker_slow_call_rate{name=\"prom\"} 25.0",
                "resilience_circuitbreaker_transitions_total{from=\"closed\",name=\"prom\",to=\"open\"} 1.0");
    }

    @Test
    void rendersRatesAsMinusOneUntilTheMinimumNumberOfCalls() {
        fail(breakers.get("prom.young"), clock, Duration.ofMillis(1));

        assertThat(scrape().lines()).contains(
                "resilience_circuitbreaker_failure_rate{name=\"prom.young\"} -1.0",
                "resilience_circuitbreaker_slow_call_rate{name=\"prom.young\"} -1.0");
    }

    @Test
    void tagsKeyedBreakersWithTheirKeyAndDropsThemOnEviction() {
        breakers.get("prom.keyed", "a");
        assertThat(scrape().lines()).contains(
                "resilience_circuitbreaker_state{key=\"a\",name=\"prom.keyed\",state=\"closed\"} 1.0");

        breakers.get("prom.keyed", "b");
        breakers.get("prom.keyed", "c");

        assertThat(scrape()).doesNotContain("key=\"a\"")
                .contains("resilience_circuitbreaker_state{key=\"c\",name=\"prom.keyed\",state=\"closed\"} 1.0");
    }
}
