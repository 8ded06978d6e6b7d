package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code resilience.dashboard.*}: bound, accepted by the unknown-key check, documented for IDEs. */
class DashboardPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @Test
    void bindsTheDashboardKeys() {
        runner.withPropertyValues("resilience.dashboard.enabled=true", "resilience.dashboard.path=/ops/resilience",
                "resilience.dashboard.refresh-interval=500ms").run(context -> {
                    assertThat(context).hasNotFailed();
                    ResilienceProperties.Dashboard dashboard = context.getBean(ResilienceProperties.class).getDashboard();
                    assertThat(dashboard.isEnabled()).isTrue();
                    assertThat(dashboard.getPath()).isEqualTo("/ops/resilience");
                    assertThat(dashboard.getRefreshInterval()).isEqualTo(Duration.ofMillis(500));
                });
    }

    @Test
    void stillRejectsAMistypedDashboardKey() {
        runner.withPropertyValues("resilience.dashboard.enable=true")
                .run(context -> assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("resilience.dashboard.enable"));
    }

    @ParameterizedTest
    @CsvSource({ "resilience.dashboard.enabled, false", "resilience.dashboard.path, /resilience/dashboard",
        "resilience.dashboard.refresh-interval, 2s" })
    void documentsEveryKeyWithItsDefault(String name, String defaultValue) throws IOException {
        List<Map<String, Object>> matches = JsonPath.parse(Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json")))
                .read("$.properties[?(@.name == '" + name + "')]");

        assertThat(matches).hasSize(1);
        assertThat((String) matches.get(0).get("description")).hasSizeGreaterThan(20).doesNotContain("{@");
        assertThat(String.valueOf(matches.get(0).get("defaultValue"))).isEqualTo(defaultValue);
    }
}
