package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.resilience.InvalidConfigurationException;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CircuitBreakerMappingTests {

    private final StatusResolver resolver = value -> 299;
    private final CircuitBreakerMapping mapping = new CircuitBreakerMapping(resolver, getClass().getClassLoader());

    @Test
    void freshSettingsMapToTheCoreDefaults() {
        assertThat(mapping.toConfig(mapping.newSettings()).asMap()).isEqualTo(CircuitBreakerConfig.defaults().asMap());
    }

    @Test
    void mappedConfigurationCarriesTheStatusResolver() {
        assertThat(mapping.toConfig(mapping.newSettings()).statusResolver()).isSameAs(resolver);
    }

    @ParameterizedTest
    @ValueSource(strings = { "internal-service", "database", "upstream-http", "external-api" })
    void builtInPresetIsValidOnTheDefaults(String preset) {
        PatternConfigs<CircuitBreakerConfig> configs = LayeredPatternConfigsTests.configs(
                Map.of("resilience.circuitbreaker.instances.x.preset", preset));

        assertThat(configs.configFor("x")).isNotNull();
    }

    @Test
    void builtInPresetsAreTheDocumentedFour() {
        assertThat(mapping.builtInPresets()).containsOnlyKeys("internal-service", "database", "upstream-http", "external-api");
    }

    @Test
    void missingWindowTypeIsInvalidNotANullPointer() {
        CircuitBreakerSettings settings = mapping.newSettings();
        settings.setSlidingWindowType(null);

        assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> mapping.toConfig(settings))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("sliding-window-type"));
    }

    @Test
    void nestedExceptionClassesResolveWithEitherSeparator() {
        CircuitBreakerSettings settings = mapping.newSettings();
        settings.setRecordExceptions(List.of(Outer.Failure.class.getName(), Outer.class.getName() + ".Failure"));

        assertThat(mapping.toConfig(settings).recordExceptions()).containsExactly(Outer.Failure.class, Outer.Failure.class);
    }

    static final class Outer {
        static final class Failure extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
    }
}
