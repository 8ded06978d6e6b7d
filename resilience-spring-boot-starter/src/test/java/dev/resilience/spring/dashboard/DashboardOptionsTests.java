package dev.resilience.spring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.config.ResilienceProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardOptionsTests {

    @Test
    void takesTheDefaultsOfTheProperties() {
        DashboardOptions options = DashboardOptions.of(new ResilienceProperties().getDashboard());

        assertThat(options.path()).isEqualTo("/resilience/dashboard");
        assertThat(options.refreshInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/ops", "/ops/resilience", "/a.b/c_d/e~f-g" })
    void acceptsPlainPaths(String path) {
        assertThat(new DashboardOptions(path, Duration.ofSeconds(1)).path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/", "dashboard", "/dashboard/", "/a//b", "/a/{b}", "/a/**", "/a b", "/a?b" })
    void rejectsAPathThatIsNotPlainSegmentsWithItsPropertyName(String path) {
        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> new DashboardOptions(path, Duration.ofSeconds(1)))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("resilience.dashboard.path"))
                .withMessageContaining("resilience.dashboard.path");
    }

    @Test
    void rejectsARefreshIntervalBelow100Milliseconds() {
        assertThat(new DashboardOptions("/d", Duration.ofMillis(100)).refreshInterval()).isEqualTo(Duration.ofMillis(100));
        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> new DashboardOptions("/d", Duration.ofMillis(99)))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("resilience.dashboard.refresh-interval"))
                .withMessageContaining("PT0.099S");
    }
}
