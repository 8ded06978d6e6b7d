package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusResolver;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.LiveReconfiguration.LiveInstances;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Threads create plain and keyed circuit breakers while another refreshes the environment many times.
 * Checked: when all is done, every instance, whenever it was created (before a refresh was prepared, between
 * preparing and applying it, or after), has the last refreshed threshold, and so does a new one.
 */
@Tag("concurrency")
class LiveReconfigurationConcurrencyTests {

    private static final int CREATORS = 6;
    private static final int INSTANCES_EACH = 60;
    private static final int REFRESHES = 15;
    // a refresh binds the configuration of every instance name afresh: few names, many keyed instances
    private static final int KEYED_PER_PLAIN = 10;
    private static final String THRESHOLD = "resilience.circuitbreaker.defaults.failure-rate-threshold";

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    private static Binder environment(int threshold) {
        return new Binder(new MapConfigurationPropertySource(Map.of(THRESHOLD, String.valueOf(threshold))));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyInstanceEndsWithTheLastRefreshedValue(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        Binder initial = environment(50);
        CircuitBreakerProperties properties = initial.bindOrCreate("resilience.circuitbreaker",
                Bindable.ofInstance(new CircuitBreakerProperties()));
        LayeredPatternConfigs<CircuitBreakerSettings, CircuitBreakerConfig> configs = new LayeredPatternConfigs<>(
                new CircuitBreakerMapping(StatusResolver.NONE, getClass().getClassLoader()), properties, initial);
        InstanceRegistry<CircuitBreaker> registry = new InstanceRegistry<>(
                id -> CircuitBreaker.of(id.displayName(), configs.configFor(id.name()), clock), name -> 10_000);
        LiveReconfiguration live = new LiveReconfiguration(
                List.of(new LiveInstances<>(LivePattern.CIRCUIT_BREAKER, registry, configs)));
        AtomicInteger last = new AtomicInteger(50);

        Concurrently.run(kind, CREATORS + 1, Duration.ofSeconds(60), index -> {
            if (index == CREATORS) {
                for (int refresh = 1; refresh <= REFRESHES; refresh++) {
                    int threshold = 50 + refresh % 40;
                    assertThat(live.refresh(environment(threshold))).isTrue();
                    last.set(threshold);
                    Thread.yield();
                }
                return;
            }
            for (int i = 0; i < INSTANCES_EACH; i++) {
                if (i % KEYED_PER_PLAIN == 0) {
                    registry.get("plain-" + index + "-" + i);
                }
                registry.get("keyed", index + "-" + i);
                if (i % 8 == 0) {
                    Thread.yield(); // virtual threads are not preempted: let the refresher in
                }
            }
        });

        assertThat(registry.all()).hasSize(CREATORS * INSTANCES_EACH + CREATORS * INSTANCES_EACH / KEYED_PER_PLAIN);
        assertThat(registry.all().values()).allSatisfy(breaker ->
                assertThat(breaker.config().failureRateThreshold()).as(breaker.name()).isEqualTo(last.get()));
        assertThat(registry.get("created-afterwards").config().failureRateThreshold()).isEqualTo(last.get());
    }
}
