package dev.resilience.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangesTests {

    private final ManualClock clock = new ManualClock();

    @Test
    void publishesOnlyTheChangedSettingsWithJsonReadyValuesInTheirOrder() {
        EventPublisher<CircuitBreakerEvent> events = new EventPublisher<>();
        List<ResilienceEvent> seen = new ArrayList<>();
        events.subscribeAny(EnumSet.of(EventType.CONFIG_CHANGED), seen::add);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("b", Duration.ofMinutes(1));
        before.put("a", 1);
        before.put("same", "x");
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("b", Duration.ofSeconds(30));
        after.put("a", 2);

        ConfigChanges.publish(events, "payments", 7, "alice", before, after);

        assertThat(seen).singleElement().isInstanceOfSatisfying(ConfigChangedEvent.class, event -> {
            assertThat(event.oldValues()).containsExactly(Map.entry("b", "PT1M"), Map.entry("a", 1));
            assertThat(event.newValues()).containsExactly(Map.entry("b", "PT30S"), Map.entry("a", 2));
            assertThat(event.details()).containsEntry("principal", "alice");
        });
    }

    @Test
    void publishesNothingWhenNothingChangedOrNobodyListens() {
        EventPublisher<CircuitBreakerEvent> events = new EventPublisher<>();
        assertThat(ConfigChanges.publish(events, "p", 0, "a", Map.of("a", 1), Map.of("a", 2))).isNull();
        List<ResilienceEvent> seen = new ArrayList<>();
        events.subscribeAny(EnumSet.of(EventType.CONFIG_CHANGED), seen::add);

        ConfigChanges.publish(events, "p", 0, "a", Map.of("a", 1), Map.of("a", 1));

        assertThat(seen).isEmpty();
    }

    @Test
    void familySubscribersNeverReceiveAConfigurationChangeEvenWhenTheyAskForIt() {
        CircuitBreaker breaker = CircuitBreaker.of("payments", CircuitBreakerConfig.builder().build(), clock);
        List<CircuitBreakerEvent> family = new ArrayList<>();
        breaker.events().subscribe(EnumSet.allOf(EventType.class), family::add);

        breaker.reconfigure(CircuitBreakerConfig.builder().failureRateThreshold(20).build());

        assertThat(breaker.events().wants(EventType.CONFIG_CHANGED)).isFalse();
        assertThat(family).isEmpty();
    }

    @Test
    void circuitBreakersAndBulkheadsPublishTheirChangesWithThePrincipal() {
        CircuitBreaker breaker = CircuitBreaker.of("payments", CircuitBreakerConfig.builder().build(), clock);
        Bulkhead bulkhead = Bulkhead.of("pool", BulkheadConfig.builder().maxConcurrentCalls(10).build(), clock, clock);
        List<ResilienceEvent> seen = new ArrayList<>();
        breaker.events().subscribeAny(EnumSet.of(EventType.CONFIG_CHANGED), seen::add);
        bulkhead.events().subscribeAny(EnumSet.of(EventType.CONFIG_CHANGED), seen::add);

        breaker.reconfigure(CircuitBreakerConfig.builder().failureRateThreshold(20).build(), "alice");
        bulkhead.reconfigure(BulkheadConfig.builder().maxConcurrentCalls(5).build());

        assertThat(seen).extracting(ResilienceEvent::instanceName).containsExactly("payments", "pool");
        assertThat(seen).extracting(event -> ((ConfigChangedEvent) event).principal())
                .containsExactly("alice", ConfigChanges.ANONYMOUS);
        assertThat(((ConfigChangedEvent) seen.get(1)).newValues()).isEqualTo(Map.of("maxConcurrentCalls", 5));
    }
}
