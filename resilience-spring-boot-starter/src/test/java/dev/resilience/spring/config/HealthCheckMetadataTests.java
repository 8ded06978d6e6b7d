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
import org.junit.jupiter.params.provider.ValueSource;

/** The IDE metadata of the health-check keys: described, and flagged as an error under defaults. */
class HealthCheckMetadataTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static DocumentContext metadata;

    @BeforeAll
    static void read() throws IOException {
        metadata = JsonPath.parse(Files.readString(METADATA));
    }

    @ParameterizedTest
    @ValueSource(strings = { "contributor", "url", "interval", "timeout", "unhealthy-threshold", "healthy-threshold" })
    void everyKeyIsDescribedAndAnErrorUnderDefaults(String key) {
        Map<String, Object> property = property("resilience.circuitbreaker.defaults.health-check." + key);
        assertThat((String) property.get("description")).hasSizeGreaterThan(20).doesNotContain("{@");
        @SuppressWarnings("unchecked")
        Map<String, Object> deprecation = (Map<String, Object>) property.get("deprecation");
        assertThat(deprecation).containsEntry("level", "error");
        assertThat((String) deprecation.get("reason")).contains("instances.<name>.health-check");
    }

    @ParameterizedTest
    @ValueSource(strings = { "interval=10s", "timeout=2s", "unhealthy-threshold=1", "healthy-threshold=1" })
    void defaultsAreDocumented(String keyAndDefault) {
        String[] parts = keyAndDefault.split("=");
        Object documented = property("resilience.circuitbreaker.defaults.health-check." + parts[0]).get("defaultValue");
        assertThat(String.valueOf(documented)).isEqualTo(parts[1]);
    }

    private static Map<String, Object> property(String name) {
        List<Map<String, Object>> matches = metadata.read("$.properties[?(@.name == '" + name + "')]");
        assertThat(matches).as(name).hasSize(1);
        return matches.get(0);
    }
}
