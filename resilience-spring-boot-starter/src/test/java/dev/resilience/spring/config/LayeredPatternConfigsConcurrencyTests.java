package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class LayeredPatternConfigsConcurrencyTests {

    private static final int THREADS = 16;
    private static final int NAMES = 50;

    static Iterable<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyThreadSeesOneConfigurationPerNameIncludingItsAnnotationLayer(ThreadKind kind) {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(
                Map.of("resilience.circuitbreaker.defaults.success-threshold", "5"));
        Map<String, CircuitBreakerConfig> seen = new ConcurrentHashMap<>();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(20), index -> {
            for (int n = 0; n < NAMES; n++) {
                String name = "name-" + ((n + index) % NAMES);
                configs.registerAnnotationOverrides(name, "@Test on thread " + index,
                        Map.of("permitted-calls-in-half-open-state", "7"));
                CircuitBreakerConfig config = configs.configFor(name);
                CircuitBreakerConfig first = seen.putIfAbsent(name, config);
                assertThat(config).isSameAs(first == null ? config : first);
            }
        });

        assertThat(seen).hasSize(NAMES);
        assertThat(seen.values()).allSatisfy(config -> {
            assertThat(config.permittedCallsInHalfOpenState()).isEqualTo(7);
            assertThat(config.successThreshold()).isEqualTo(5);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void exactlyOneOfConflictingRegistrationsWinsAndTheConfigurationShowsIt(ThreadKind kind) {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(Map.of());
        Map<String, Integer> winners = new ConcurrentHashMap<>();
        AtomicInteger rejected = new AtomicInteger();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(20), index -> {
            for (int n = 0; n < NAMES; n++) {
                String name = "name-" + n;
                int value = index + 1;
                try {
                    configs.registerAnnotationOverrides(name, "@Test on thread " + index, Map.of("success-threshold", value));
                    assertThat(winners.putIfAbsent(name, value)).as("a second winner for " + name).isNull();
                } catch (IllegalStateException conflict) {
                    rejected.incrementAndGet();
                }
            }
        });

        assertThat(winners).hasSize(NAMES);
        assertThat(rejected).hasValue((THREADS - 1) * NAMES);
        winners.forEach((name, value) -> assertThat(configs.configFor(name).successThreshold()).isEqualTo(value));
    }
}
