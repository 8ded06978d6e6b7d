package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.event.EventType;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

class ResilienceEndpointTests {

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<CircuitBreaker> breakers = Breakers.registry(clock);

    private ResilienceEndpoint endpoint(boolean includeSuccesses) {
        return new ResilienceEndpoint(List.of(PatternSection.bind(new CircuitBreakerView(), breakers, includeSuccesses)));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> events(Map<String, Object> instance) {
        return (List<Object>) instance.get("events");
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
        CircuitBreaker payments = breakers.get("payments");
        Breakers.open(payments, clock);
        Breakers.rejected(payments);
        breakers.get("hosts", "a");

        Map<String, Object> section = endpoint.patterns().get("circuitBreakers");

        assertThat(section).containsOnlyKeys("hosts[a]", "payments");
        assertThat(section.get("payments")).isEqualTo(Map.of("state", "OPEN", "failureRate", 100.0f,
                "slowCallRate", 0.0f, "bufferedCalls", 4, "failedCalls", 4, "slowCalls", 0, "notPermittedCalls", 1L));
        assertThat(section.get("hosts[a]")).isEqualTo(Map.of("state", "CLOSED", "failureRate", -1.0f,
                "slowCallRate", -1.0f, "bufferedCalls", 0, "failedCalls", 0, "slowCalls", 0, "notPermittedCalls", 0L));
    }

    @Test
    void describesOneInstanceWithFlatConfigAndIsoDurations() {
        ResilienceEndpoint endpoint = endpoint(false);
        breakers.get("payments");

        Map<String, Object> payments = endpoint.instance("circuitbreakers", "payments");

        assertThat(payments).containsKeys("state", "failureRate", "config", "events");
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) payments.get("config");
        assertThat(shown).containsEntry("waitDurationInOpenState", "PT1M")
                .containsEntry("slowCallDurationThreshold", "PT0.4S")
                .containsEntry("maxWaitDurationInOpenState", "PT5M")
                .containsEntry("slidingWindowType", "COUNT_BASED")
                .containsEntry("failureRateThreshold", 50.0f)
                .containsEntry("ignoreExceptions", List.of("java.lang.IllegalStateException"))
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
        breakers.get("payments");

        assertThat(endpoint.instance("circuitbreakers", "nope")).isNull();
        assertThat(endpoint.instance("fuses", "payments")).isNull();
        assertThat(endpoint.instance("bulkheads", "payments")).isNull();
    }

    @Test
    void keepsEventsNewestFirstWithoutSuccessesOrExceptionMessagesButWithSlowCalls() {
        ResilienceEndpoint endpoint = endpoint(false);
        CircuitBreaker payments = breakers.get("payments");
        Breakers.fail(payments, clock, Duration.ofMillis(12));
        Breakers.succeed(payments, clock, Duration.ofMillis(988));
        payments.forceOpen();

        assertThat(events(endpoint.instance("circuitbreakers", "payments"))).containsExactly(
                Map.of("type", "STATE_TRANSITION", "timestamp", "2026-01-01T00:00:01Z", "from", "CLOSED",
                        "to", "FORCED_OPEN", "reason", "MANUAL"),
                Map.of("type", "SLOW_CALL", "timestamp", "2026-01-01T00:00:01Z", "durationMs", 988L),
                Map.of("type", "FAILURE", "timestamp", "2026-01-01T00:00:00.012Z", "durationMs", 12L,
                        "exception", "java.io.IOException"));
        assertThat(endpoint.instance("circuitbreakers", "payments").toString()).doesNotContain("secret user data");
        assertThat(payments.events().wants(EventType.SUCCESS)).isFalse();
    }

    @Test
    void keepsSuccessesWhenAskedTo() {
        ResilienceEndpoint endpoint = endpoint(true);
        Breakers.succeed(breakers.get("payments"), clock, Duration.ofMillis(3));

        assertThat(events(endpoint.instance("circuitbreakers", "payments"))).containsExactly(
                Map.of("type", "SUCCESS", "timestamp", "2026-01-01T00:00:00.003Z", "durationMs", 3L));
    }

    @Test
    void keepsAtMostOneHundredEvents() {
        ResilienceEndpoint endpoint = endpoint(false);
        CircuitBreaker payments = breakers.get("payments");
        payments.forceOpen();
        for (int i = 0; i < 150; i++) {
            Breakers.rejected(payments);
        }

        assertThat(events(endpoint.instance("circuitbreakers", "payments"))).hasSize(100)
                .allSatisfy(event -> assertThat(event).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsEntry("type", "NOT_PERMITTED"));
    }

    @Test
    void stopsKeepingTheEventsOfAnEvictedInstance() {
        ResilienceEndpoint endpoint = endpoint(false);
        CircuitBreaker evicted = breakers.get("hosts", "a");
        assertThat(evicted.events().wants(EventType.STATE_TRANSITION)).isTrue();
        breakers.get("hosts", "b");

        breakers.get("hosts", "c");

        assertThat(endpoint.instance("circuitbreakers", "hosts[a]")).isNull();
        assertThat(evicted.events().wants(EventType.STATE_TRANSITION)).isFalse();
    }

    @Test
    void appliesActionsAndAnswersTheInstanceAfterwards() {
        ResilienceEndpoint endpoint = endpoint(false);
        CircuitBreaker payments = breakers.get("payments");

        WebEndpointResponse<Map<String, Object>> forced = endpoint.apply("circuitbreakers", "payments", "force-open");
        assertThat(forced.getStatus()).isEqualTo(200);
        assertThat(forced.getBody()).containsEntry("state", "FORCED_OPEN").containsKeys("config", "events");
        assertThat(payments.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);

        assertThat(endpoint.apply("circuitbreakers", "payments", "disable").getBody()).containsEntry("state", "DISABLED");
        assertThat(payments.state()).isEqualTo(CircuitBreakerState.DISABLED);
    }

    @Test
    void resetClosesTheBreakerWithAnEmptyWindow() {
        ResilienceEndpoint endpoint = endpoint(false);
        CircuitBreaker payments = breakers.get("payments");
        Breakers.open(payments, clock);

        Map<String, Object> reset = endpoint.apply("circuitbreakers", "payments", "reset").getBody();

        assertThat(reset).containsEntry("state", "CLOSED").containsEntry("bufferedCalls", 0)
                .containsEntry("failedCalls", 0).containsEntry("failureRate", -1.0f);
        assertThat(payments.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void rejectsAnUnknownOrMissingActionWithTheValidOnes() {
        ResilienceEndpoint endpoint = endpoint(false);
        breakers.get("payments");

        WebEndpointResponse<Map<String, Object>> unknown = endpoint.apply("circuitbreakers", "payments", "explode");
        WebEndpointResponse<Map<String, Object>> missing = endpoint.apply("circuitbreakers", "payments", null);

        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getBody()).containsOnlyKeys("error");
        assertThat((String) unknown.getBody().get("error")).contains("'explode'", "reset, force-open, disable");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat((String) missing.getBody().get("error")).contains("missing action", "reset, force-open, disable");
        assertThat(breakers.get("payments").state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void answersNotFoundForActionsOnUnknownInstances() {
        ResilienceEndpoint endpoint = endpoint(false);

        assertThat(endpoint.apply("circuitbreakers", "nope", "reset").getStatus()).isEqualTo(404);
        assertThat(endpoint.apply("retries", "nope", "reset").getStatus()).isEqualTo(404);
        assertThat(endpoint.apply("fuses", "nope", "explode").getStatus()).isEqualTo(404);
    }
}
