package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the metadata the configuration processor wrote for IDE completion. */
class ConfigurationMetadataTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static DocumentContext metadata;

    @BeforeAll
    static void read() throws IOException {
        metadata = JsonPath.parse(Files.readString(METADATA));
    }

    @ParameterizedTest
    @ValueSource(strings = { "sliding-window-type", "sliding-window-size", "minimum-number-of-calls",
        "failure-rate-threshold", "consecutive-failure-threshold", "slow-call-duration-threshold",
        "slow-call-rate-threshold", "wait-duration-in-open-state", "open-state-backoff-multiplier",
        "max-wait-duration-in-open-state", "permitted-calls-in-half-open-state", "success-threshold",
        "record-exceptions", "ignore-exceptions", "failure-status-codes", "max-keys", "writable-stack-trace", "preset" })
    void everyCircuitBreakerKeyUnderDefaultsIsDescribed(String key) {
        assertThat(description("resilience.circuitbreaker.defaults." + key)).hasSizeGreaterThan(20).doesNotContain("{@");
    }

    @ParameterizedTest
    @ValueSource(strings = { "retry.defaults.max-attempts", "retry.defaults.backoff", "retry.defaults.wait-duration",
        "retry.defaults.multiplier", "retry.defaults.max-wait-duration", "retry.defaults.jitter",
        "retry.defaults.max-duration", "retry.defaults.retry-exceptions", "retry.defaults.ignore-exceptions",
        "retry.defaults.budget.ratio", "retry.defaults.budget.min-retries-per-second", "retry.defaults.preset",
        "timeout.defaults.duration", "timeout.defaults.cancel-running", "timeout.defaults.writable-stack-trace",
        "timeout.defaults.preset", "retry.instances", "timeout.presets" })
    void everyRetryAndTimeoutKeyIsDescribed(String key) {
        assertThat(description("resilience." + key)).hasSizeGreaterThan(20).doesNotContain("{@");
    }

    @ParameterizedTest
    @ValueSource(strings = { "resilience.circuitbreaker.presets", "resilience.circuitbreaker.instances", "resilience.enabled",
        "resilience.health.down-on-open", "resilience.events.publish", "resilience.events.include-messages" })
    void sectionsAndRootKeysAreDescribed(String name) {
        assertThat(description(name)).hasSizeGreaterThan(20).doesNotContain("{@");
    }

    @Test
    void instancesAndPresetsAreMapsOfTheSettings() {
        assertThat(property("resilience.circuitbreaker.instances").get("type"))
                .isEqualTo("java.util.Map<java.lang.String,dev.resilience.spring.config.CircuitBreakerSettings>");
    }

    @Test
    void defaultsAreDocumented() {
        assertThat(property("resilience.circuitbreaker.defaults.wait-duration-in-open-state").get("defaultValue")).isEqualTo("60s");
        assertThat(property("resilience.circuitbreaker.defaults.failure-status-codes").get("defaultValue"))
                .isEqualTo(List.of("500-599", "408", "429"));
        assertThat(property("resilience.circuitbreaker.defaults.max-keys").get("defaultValue")).isEqualTo(1000);
    }

    @Test
    void presetNamesAreHinted() {
        List<String> values = metadata.read("$.hints[?(@.name == 'resilience.circuitbreaker.defaults.preset')].values[*].value");
        assertThat(values).containsExactly("internal-service", "database", "upstream-http", "external-api");
        List<String> keys = metadata.read("$.hints[?(@.name == 'resilience.circuitbreaker.presets.keys')].values[*].value");
        assertThat(keys).containsExactly("internal-service", "database", "upstream-http", "external-api");
    }

    private static String description(String name) {
        return (String) property(name).get("description");
    }

    private static Map<String, Object> property(String name) {
        List<Map<String, Object>> matches = metadata.read("$.properties[?(@.name == '" + name + "')]");
        assertThat(matches).as(name).hasSize(1);
        return matches.get(0);
    }
}
