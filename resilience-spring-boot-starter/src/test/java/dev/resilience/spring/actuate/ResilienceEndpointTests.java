package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.event.EventType;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.FakeCircuitBreaker;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

class ResilienceEndpointTests {

    private final ManualClock clock = new ManualClock();
    private final CircuitBreakerConfig config = CircuitBreakerConfig.builder()
            .waitDurationInOpenState(Duration.ofMinutes(1))
            .slowCallDurationThreshold(Duration.ofMillis(1500))
            .build();
    private final InstanceRegistry<CircuitBreaker> breakers = new InstanceRegistry<>(
            id -> new FakeCircuitBreaker(id.displayName(), config, clock), name -> 2);

    private ResilienceEndpoint endpoint(boolean includeSuccesses) {
        return new ResilienceEndpoint(List.of(PatternSection.bind(new CircuitBreakerView(), breakers, includeSuccesses)));
    }

    private FakeCircuitBreaker breaker(String name) {
        return (FakeCircuitBreaker) breakers.get(name);
    }

    @Test
    void listsAllFiveSectionsEvenWithoutViewsOrInstances() {
        assertThat(new ResilienceEndpoint(List.of()).patterns()).containsExactly(
                Map.entry("circuitBreakers", Map.of()), Map.entry("bulkheads", Map.of()), Map.entry("retries", Map.of()),
                Map.entry("timeouts", Map.of()), Map.entry("rateLimiters", Map.of()));
    }

    @Test
    void listsEveryCircuitBreakerWithItsFields() {
        ResilienceEndpoint endpoint = endpoint(false);
        breaker("payments").rejectCall();
        breakers.get("hosts", "a");

        Map<String, Object> breakersSection = endpoint.patterns().get("circuitBreakers");

        assertThat(breakersSection).containsOnlyKeys("hosts[a]", "payments");
        assertThat(breakersSection.get("payments")).isEqualTo(Map.of("state", "CLOSED", "failureRate", -1.0f,
                "slowCallRate", -1.0f, "bufferedCalls", 0, "failedCalls", 0, "slowCalls", 0, "notPermittedCalls", 1L));
    }

    @Test
    void describesOneInstanceWithFlatConfigAndIsoDurations() {
        ResilienceEndpoint endpoint = endpoint(false);
        breaker("payments");

        Map<String, Object> payments = endpoint.instance("circuitbreakers", "payments");

        assertThat(payments).containsKeys("state", "failureRate", "config", "events");
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) payments.get("config");
        assertThat(shown).containsEntry("waitDurationInOpenState", "PT1M")
                .containsEntry("slowCallDurationThreshold", "PT1.5S")
                .containsEntry("slidingWindowType", "COUNT_BASED")
                .containsEntry("failureRateThreshold", 50.0f)
                .containsEntry("failureStatusCodes", List.of("500-599", "408", "429"));
        assertThat(shown.values()).noneMatch(value -> value instanceof Map || value instanceof Duration);
    }

    @Test
    void describesKeyedInstancesByDisplayName() {
        ResilienceEndpoint endpoint = endpoint(false);
        breakers.get("hosts", "a.example");

        assertThat(endpoint.instance("circuitbreakers", "hosts[a.example]")).containsEntry("state", "CLOSED");
    }

    @Test
    void answersNullForAnUnknownTypeOrName() {
        ResilienceEndpoint endpoint = endpoint(false);
        breaker("payments");

        assertThat(endpoint.instance("circuitbreakers", "nope")).isNull();
        assertThat(endpoint.instance("fuses", "payments")).isNull();
        assertThat(endpoint.instance("bulkheads", "payments")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsEventsNewestFirstWithoutSuccessesOrExceptionMessages() {
        ResilienceEndpoint endpoint = endpoint(false);
        FakeCircuitBreaker payments = breaker("payments");
        payments.recordFailure(Duration.ofMillis(12), IOException.class, false);
        clock.advance(Duration.ofSeconds(1));
        payments.recordSuccess(Duration.ofMillis(3), false);
        payments.transitionTo(CircuitBreakerState.OPEN, TransitionReason.FAILURE_RATE);

        List<Object> events = (List<Object>) endpoint.instance("circuitbreakers", "payments").get("events");

        assertThat(events).containsExactly(
                Map.of("type", "STATE_TRANSITION", "timestamp", "2026-01-01T00:00:01Z", "from", "CLOSED", "to", "OPEN",
                        "reason", "FAILURE_RATE"),
                Map.of("type", "FAILURE", "timestamp", "2026-01-01T00:00:00Z", "durationMs", 12L,
                        "exception", "java.io.IOException"));
        assertThat(payments.events().wants(EventType.SUCCESS)).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsSuccessesWhenAskedTo() {
        ResilienceEndpoint endpoint = endpoint(true);
        breaker("payments").recordSuccess(Duration.ofMillis(3), false);

        List<Object> events = (List<Object>) endpoint.instance("circuitbreakers", "payments").get("events");

        assertThat(events).containsExactly(
                Map.of("type", "SUCCESS", "timestamp", "2026-01-01T00:00:00Z", "durationMs", 3L));
    }

    @Test
    void keepsAtMostOneHundredEvents() {
        ResilienceEndpoint endpoint = endpoint(false);
        FakeCircuitBreaker payments = breaker("payments");
        for (int i = 0; i < 150; i++) {
            payments.rejectCall();
        }

        assertThat((List<?>) endpoint.instance("circuitbreakers", "payments").get("events")).hasSize(100);
    }

    @Test
    void dropsTheEventsOfAnEvictedInstance() {
        ResilienceEndpoint endpoint = endpoint(false);
        FakeCircuitBreaker evicted = (FakeCircuitBreaker) breakers.get("hosts", "a");
        breakers.get("hosts", "b");
        breakers.get("hosts", "c");

        evicted.rejectCall();

        assertThat(endpoint.instance("circuitbreakers", "hosts[a]")).isNull();
        assertThat(evicted.events().wants(EventType.NOT_PERMITTED)).isFalse();
    }

    @Test
    void appliesActionsAndAnswersTheInstanceAfterwards() {
        ResilienceEndpoint endpoint = endpoint(false);
        FakeCircuitBreaker payments = breaker("payments");

        WebEndpointResponse<Map<String, Object>> forced = endpoint.apply("circuitbreakers", "payments", "force-open");
        assertThat(forced.getStatus()).isEqualTo(200);
        assertThat(forced.getBody()).containsEntry("state", "FORCED_OPEN").containsKeys("config", "events");
        assertThat(payments.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);

        assertThat(endpoint.apply("circuitbreakers", "payments", "disable").getBody()).containsEntry("state", "DISABLED");
        assertThat(endpoint.apply("circuitbreakers", "payments", "reset").getBody()).containsEntry("state", "CLOSED");
        assertThat(payments.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void rejectsAnUnknownOrMissingActionWithTheValidOnes() {
        ResilienceEndpoint endpoint = endpoint(false);
        breaker("payments");

        WebEndpointResponse<Map<String, Object>> unknown = endpoint.apply("circuitbreakers", "payments", "explode");
        WebEndpointResponse<Map<String, Object>> missing = endpoint.apply("circuitbreakers", "payments", null);

        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getBody()).containsOnlyKeys("error");
        assertThat((String) unknown.getBody().get("error")).contains("'explode'", "reset, force-open, disable");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat((String) missing.getBody().get("error")).contains("missing action", "reset, force-open, disable");
        assertThat(breaker("payments").state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void answersNotFoundForActionsOnUnknownInstances() {
        ResilienceEndpoint endpoint = endpoint(false);

        assertThat(endpoint.apply("circuitbreakers", "nope", "reset").getStatus()).isEqualTo(404);
        assertThat(endpoint.apply("retries", "nope", "reset").getStatus()).isEqualTo(404);
        assertThat(endpoint.apply("fuses", "nope", "explode").getStatus()).isEqualTo(404);
    }
}
