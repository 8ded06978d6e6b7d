package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusResolver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LayeredPatternConfigsTests {

    private static final String CB = "resilience.circuitbreaker.";

    @Test
    void annotationLayerSitsAbovePresetAndBelowInstance() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of(CB + "instances.payments.preset", "database",
                CB + "instances.payments.success-threshold", "9"));
        configs.registerAnnotationOverrides("payments", "@Test on A.b",
                Map.of("success-threshold", "7", "wait-duration-in-open-state", "45s"));

        CircuitBreakerConfig config = configs.configFor("payments");
        assertThat(config.successThreshold()).isEqualTo(9);
        assertThat(config.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.consecutiveFailureThreshold()).isEqualTo(5);
    }

    @Test
    void annotationLayerMayPickAPresetUnlessTheInstanceDoes() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of(CB + "instances.orders.preset", "internal-service"));
        configs.registerAnnotationOverrides("payments", "@Test on A.b", Map.of("preset", "database"));
        configs.registerAnnotationOverrides("orders", "@Test on A.c", Map.of("preset", "database"));

        assertThat(configs.configFor("payments").consecutiveFailureThreshold()).isEqualTo(5);
        assertThat(configs.configFor("orders").permittedCallsInHalfOpenState()).isEqualTo(5);
    }

    @Test
    void registeringTheSameValuesAgainIsANoOp() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of());
        configs.registerAnnotationOverrides("payments", "@Test on A.b", Map.of("success-threshold", "7"));
        CircuitBreakerConfig first = configs.configFor("payments");
        configs.registerAnnotationOverrides("payments", "@Test on A.c", Map.of("success-threshold", "7"));

        assertThat(configs.configFor("payments")).isSameAs(first);
    }

    @Test
    void conflictingValuesForOneNameFailNamingBothSources() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of());
        configs.registerAnnotationOverrides("payments", "@Test on A.b", Map.of("success-threshold", "7"));

        assertThatIllegalStateException()
                .isThrownBy(() -> configs.registerAnnotationOverrides("payments", "@Test on A.c", Map.of("success-threshold", "8")))
                .withMessageContaining("'payments'").withMessageContaining("@Test on A.b").withMessageContaining("@Test on A.c");
        assertThat(configs.configFor("payments").successThreshold()).isEqualTo(7);
    }

    @Test
    void registeringAfterTheConfigurationWasComputedFails() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of());
        configs.configFor("payments");

        assertThatIllegalStateException()
                .isThrownBy(() -> configs.registerAnnotationOverrides("payments", "@Test on A.b", Map.of("success-threshold", "7")))
                .withMessageContaining("before the instance is first used");
    }

    @Test
    void invalidAnnotationValueNamesTheInstancePathAndTheAnnotation() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of());

        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> configs.registerAnnotationOverrides("Payments.charge", "@Test on Payments.charge",
                        Map.of("success-threshold", "0")))
                .satisfies(e -> {
                    assertThat(e.getProperty()).isEqualTo(CB + "instances[Payments.charge].success-threshold");
                    assertThat(e.getValue()).isEqualTo("0");
                    assertThat(e.getOrigin()).isEqualTo("@Test on Payments.charge");
                });
        assertThat(configs.configFor("Payments.charge").successThreshold()).as("rejected layer not kept").isEqualTo(3);
    }

    @Test
    void annotationValueThatDoesNotConvertIsReported() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of());

        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> configs.registerAnnotationOverrides("payments", "@Test on A.b",
                        Map.of("wait-duration-in-open-state", "2 seconds")))
                .satisfies(e -> {
                    assertThat(e.getProperty()).isEqualTo(CB + "instances.payments.wait-duration-in-open-state");
                    assertThat(e.getValue()).isEqualTo("2 seconds");
                    assertThat(e.getRequirement()).contains("java.time.Duration");
                });
    }

    @Test
    void unknownAnnotationKeyIsReported() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of());

        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> configs.registerAnnotationOverrides("payments", "@Test on A.b", Map.of("duration", "2s")))
                .satisfies(e -> {
                    assertThat(e.getProperty()).isEqualTo(CB + "instances.payments.duration");
                    assertThat(e.getRequirement()).isEqualTo("is not a known property");
                });
    }

    @Test
    void unknownAnnotationPresetIsReported() {
        PatternConfigs<CircuitBreakerConfig> configs = configs(Map.of());

        assertThatExceptionOfType(InvalidPropertyException.class)
                .isThrownBy(() -> configs.registerAnnotationOverrides("payments", "@Test on A.b", Map.of("preset", "nope")))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo(CB + "instances.payments.preset"));
    }

    @Test
    void declaredInstancesKeepDeclarationOrder() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CB + "instances.zeta.max-keys", "3");
        properties.put(CB + "instances.alpha.max-keys", "4");
        PatternConfigs<CircuitBreakerConfig> configs = configs(properties);

        assertThat(configs.declaredInstances()).containsExactlyInAnyOrder("zeta", "alpha");
    }

    static PatternConfigs<CircuitBreakerConfig> configs(Map<String, ?> environment) {
        Binder binder = new Binder(new MapConfigurationPropertySource(environment));
        CircuitBreakerProperties properties = binder.bindOrCreate("resilience.circuitbreaker",
                Bindable.ofInstance(new CircuitBreakerProperties()));
        CircuitBreakerMapping mapping = new CircuitBreakerMapping(StatusResolver.NONE, LayeredPatternConfigsTests.class.getClassLoader());
        return new LayeredPatternConfigs<>(mapping, properties, binder);
    }
}
