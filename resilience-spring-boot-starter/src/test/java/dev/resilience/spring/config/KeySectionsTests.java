package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.registry.InstanceId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KeySectionsTests {

    private static final String CB = "resilience.circuitbreaker.";
    private static final String HOSTS = "app.hosts";

    /** Sections as a per-host feature would register them: one for every key, then the key's own. */
    private static final Function<String, List<String>> SECTIONS = key -> key == null ? List.of(HOSTS + ".all")
            : List.of(HOSTS + ".all", HOSTS + ".each[" + key + "]");

    @Test
    void keySectionsSitAboveTheInstanceLowestFirst() {
        Map<String, Object> environment = new HashMap<>();
        environment.put(CB + "defaults.success-threshold", "4");
        environment.put(CB + "instances.client.minimum-number-of-calls", "20");
        environment.put(CB + "instances.client.failure-rate-threshold", "30");
        environment.put(HOSTS + ".all.failure-rate-threshold", "40");
        environment.put(HOSTS + ".each[api.example.com].failure-rate-threshold", "60");
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(environment);
        configs.registerKeySections("client", SECTIONS);

        CircuitBreakerConfig own = configs.configFor(new InstanceId("client", "api.example.com"));
        CircuitBreakerConfig other = configs.configFor(new InstanceId("client", "other.example.com"));

        assertThat(own.failureRateThreshold()).isEqualTo(60);
        assertThat(own.minimumNumberOfCalls()).isEqualTo(20);
        assertThat(own.successThreshold()).isEqualTo(4);
        assertThat(other.failureRateThreshold()).isEqualTo(40);
        assertThat(configs.configFor("client").failureRateThreshold()).isEqualTo(40);
        assertThat(configs.configFor(InstanceId.of("client"))).isSameAs(configs.configFor("client"));
    }

    @Test
    void namesWithoutKeySectionsKeepTheirOwnConfigurationForEveryKey() {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(
                Map.of(CB + "instances.payments.failure-rate-threshold", "30"));

        assertThat(configs.configFor(new InstanceId("payments", "tenant-a"))).isSameAs(configs.configFor("payments"));
    }

    @Test
    void theHighestSectionNamingAPresetPicksIt() {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(Map.of(
                CB + "instances.client.preset", "internal-service",
                HOSTS + ".each[db.local].preset", "database"));
        configs.registerKeySections("client", SECTIONS);

        assertThat(configs.configFor(new InstanceId("client", "db.local")).consecutiveFailureThreshold()).isEqualTo(5);
        assertThat(configs.configFor(new InstanceId("client", "other")).waitDurationInOpenState())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anInvalidKeyValueNamesTheSectionPathAndTheValue() {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(
                Map.of(HOSTS + ".each[api.example.com].failure-rate-threshold", "0"));
        configs.registerKeySections("client", SECTIONS);

        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> configs.configFor(new InstanceId("client", "api.example.com")))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo(HOSTS + ".each[api.example.com].failure-rate-threshold"))
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("0"));
    }

    @Test
    void anInvalidValueForEveryKeyFailsRegistration() {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(
                Map.of(HOSTS + ".all.success-threshold", "0"));

        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> configs.registerKeySections("client", SECTIONS))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo(HOSTS + ".all.success-threshold"));
    }

    @Test
    void registeringTwiceOrAfterTheConfigurationWasComputedFails() {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(Map.of());
        configs.registerKeySections("client", SECTIONS);
        configs.configFor("payments");

        assertThatIllegalStateException().isThrownBy(() -> configs.registerKeySections("client", SECTIONS))
                .withMessageContaining("already registered");
        assertThatIllegalStateException().isThrownBy(() -> configs.registerKeySections("payments", SECTIONS))
                .withMessageContaining("before its key sections were registered");
    }
}
