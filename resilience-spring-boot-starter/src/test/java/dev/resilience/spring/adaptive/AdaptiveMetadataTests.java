package dev.resilience.spring.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code adaptive.*} keys in the metadata the configuration processor wrote for IDE completion. */
class AdaptiveMetadataTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "circuitbreaker.defaults.adaptive.enabled                    | false",
        "circuitbreaker.defaults.adaptive.target-error-rate          | 50",
        "circuitbreaker.defaults.adaptive.min-failure-rate-threshold | 10",
        "circuitbreaker.defaults.adaptive.max-failure-rate-threshold | 90",
        "circuitbreaker.defaults.adaptive.smoothing                  | 0.2",
        "bulkhead.defaults.adaptive.enabled                          | false",
        "bulkhead.defaults.adaptive.algorithm                        | aimd",
        "bulkhead.defaults.adaptive.min-concurrent-calls             | 1",
        "bulkhead.defaults.adaptive.latency-threshold                | 1s",
        "bulkhead.defaults.adaptive.backoff-ratio                    | 0.9",
        "bulkhead.defaults.adaptive.smoothing                        | 0.2",
    })
    void everyAdaptiveKeyIsDescribedWithItsDefault(String key, String defaultValue) throws IOException {
        List<Map<String, Object>> matches = JsonPath.parse(Files.readString(METADATA))
                .read("$.properties[?(@.name == 'resilience." + key + "')]");
        assertThat(matches).as(key).hasSize(1);
        assertThat((String) matches.get(0).get("description")).hasSizeGreaterThan(20).doesNotContain("{@");
        assertThat(String.valueOf(matches.get(0).get("defaultValue"))).isEqualTo(defaultValue);
    }
}
