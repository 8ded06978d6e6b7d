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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The metadata the configuration processor wrote for the bulkhead and rate limiter keys. */
class BulkheadRateLimiterMetadataTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static DocumentContext metadata;

    @BeforeAll
    static void read() throws IOException {
        metadata = JsonPath.parse(Files.readString(METADATA));
    }

    @ParameterizedTest
    @CsvSource({
        "resilience.bulkhead.defaults.max-concurrent-calls, 25",
        "resilience.bulkhead.defaults.max-queue-size, 0",
        "resilience.bulkhead.defaults.max-keys, 1000",
        "resilience.ratelimiter.defaults.limit-for-period, 50",
        "resilience.ratelimiter.defaults.limit-refresh-period, 1s",
        "resilience.ratelimiter.defaults.max-keys, 1000",
    })
    void everyKeyIsDescribedWithItsDefault(String name, String defaultValue) {
        Map<String, Object> property = property(name);
        assertThat((String) property.get("description")).hasSizeGreaterThan(20).doesNotContain("{@");
        assertThat(String.valueOf(property.get("defaultValue"))).isEqualTo(defaultValue);
    }

    @ParameterizedTest
    @ValueSource(strings = { "resilience.bulkhead.defaults.max-wait-duration", "resilience.bulkhead.defaults.writable-stack-trace",
        "resilience.bulkhead.defaults.preset", "resilience.bulkhead.presets", "resilience.bulkhead.instances",
        "resilience.ratelimiter.defaults.timeout-duration", "resilience.ratelimiter.defaults.writable-stack-trace",
        "resilience.ratelimiter.defaults.preset", "resilience.ratelimiter.presets", "resilience.ratelimiter.instances" })
    void otherKeysAndSectionsAreDescribed(String name) {
        assertThat((String) property(name).get("description")).hasSizeGreaterThan(20).doesNotContain("{@");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bulkhead", "ratelimiter" })
    void presetNamesAreHinted(String section) {
        List<String> values = metadata.read("$.hints[?(@.name == 'resilience." + section + ".defaults.preset')].values[*].value");
        assertThat(values).containsExactly("internal-service", "database", "upstream-http", "external-api");
        List<String> keys = metadata.read("$.hints[?(@.name == 'resilience." + section + ".presets.keys')].values[*].value");
        assertThat(keys).containsExactly("internal-service", "database", "upstream-http", "external-api");
    }

    private static Map<String, Object> property(String name) {
        List<Map<String, Object>> matches = metadata.read("$.properties[?(@.name == '" + name + "')]");
        assertThat(matches).as(name).hasSize(1);
        return matches.get(0);
    }
}
