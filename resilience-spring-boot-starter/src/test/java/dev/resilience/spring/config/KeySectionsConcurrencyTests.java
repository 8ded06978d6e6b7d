package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.registry.InstanceId;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class KeySectionsConcurrencyTests {

    private static final int THREADS = 16;
    private static final int KEYS = 20;

    static Iterable<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    /**
     * Threads compute keyed configurations of a name with key sections while others compute plain names
     * and register annotation layers: every keyed configuration has its own section's value (even keys) or
     * the value for every key (odd keys), and plain names keep theirs.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void everyKeyGetsItsOwnSectionWhileOtherNamesAreComputed(ThreadKind kind) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("app.all.failure-rate-threshold", "40");
        for (int k = 0; k < KEYS; k += 2) {
            environment.put("app.each[key-" + k + "].failure-rate-threshold", String.valueOf(50 + k));
        }
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(environment);
        configs.registerKeySections("client", key -> key == null || Integer.parseInt(key.substring(4)) % 2 == 1
                ? List.of("app.all") : List.of("app.all", "app.each[" + key + "]"));

        Concurrently.run(kind, THREADS, Duration.ofSeconds(20), index -> {
            for (int k = 0; k < KEYS; k++) {
                int key = (k + index) % KEYS;
                float expected = key % 2 == 0 ? 50 + key : 40;
                assertThat(configs.configFor(new InstanceId("client", "key-" + key)).failureRateThreshold()).isEqualTo(expected);
                String plain = "plain-" + key;
                configs.registerAnnotationOverrides(plain, "@Test", Map.of("success-threshold", "6"));
                assertThat(configs.configFor(new InstanceId(plain, "k")).successThreshold()).isEqualTo(6);
            }
        });
    }

    /** Of threads racing to register key sections for one name, exactly one succeeds. */
    @ParameterizedTest
    @MethodSource("kinds")
    void exactlyOneRegistrationOfKeySectionsWins(ThreadKind kind) {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(Map.of());
        AtomicInteger won = new AtomicInteger();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(20), index -> {
            try {
                configs.registerKeySections("client", key -> List.of("app.all"));
                won.incrementAndGet();
            } catch (IllegalStateException lost) {
                assertThat(lost).hasMessageContaining("'client'");
            }
        });

        assertThat(won).hasValue(1);
        assertThatIllegalStateException().isThrownBy(() -> configs.registerKeySections("client", key -> List.of()));
    }
}
