package dev.resilience.spring.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.AdaptiveLimitAlgorithm;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.spring.config.PatternConfigs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

/** The {@code adaptive.*} keys: layered like every key, validated with their yml path, known to the strict binding. */
class AdaptivePropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @SuppressWarnings("unchecked")
    private static <C> PatternConfigs<C> configs(AssertableApplicationContext context, Class<C> type) {
        return (PatternConfigs<C>) context.getBeanProvider(ResolvableType.forClassWithGenerics(PatternConfigs.class, type))
                .getObject();
    }

    @Test
    void adaptiveKeysAreLayeredFromDefaultsPresetsAndInstances() {
        runner.withPropertyValues(
                "resilience.circuitbreaker.defaults.adaptive.enabled=true",
                "resilience.circuitbreaker.defaults.adaptive.min-failure-rate-threshold=5",
                "resilience.circuitbreaker.presets.noisy.adaptive.max-failure-rate-threshold=80",
                "resilience.circuitbreaker.instances.payments.preset=noisy",
                "resilience.circuitbreaker.instances.payments.adaptive.target-error-rate=25",
                "resilience.circuitbreaker.instances.payments.adaptive.smoothing=0.5",
                "resilience.bulkhead.defaults.adaptive.algorithm=GRADIENT",
                "resilience.bulkhead.instances.inventory.adaptive.enabled=true",
                "resilience.bulkhead.instances.inventory.adaptive.min-concurrent-calls=3",
                "resilience.bulkhead.instances.inventory.adaptive.latency-threshold=250ms",
                "resilience.bulkhead.instances.inventory.adaptive.backoff-ratio=0.8",
                "resilience.bulkhead.instances.inventory.adaptive.smoothing=0.4").run(context -> {
                    assertThat(context).hasNotFailed();
                    CircuitBreakerConfig payments = configs(context, CircuitBreakerConfig.class).configFor("payments");
                    assertThat(payments.adaptive().enabled()).isTrue();
                    assertThat(payments.adaptive().minFailureRateThreshold()).isEqualTo(5f);
                    assertThat(payments.adaptive().maxFailureRateThreshold()).isEqualTo(80f);
                    assertThat(payments.adaptive().targetErrorRate()).isEqualTo(25f);
                    assertThat(payments.adaptive().smoothing()).isEqualTo(0.5);
                    assertThat(configs(context, CircuitBreakerConfig.class).configFor("other").adaptive().maxFailureRateThreshold())
                            .isEqualTo(90f);
                    BulkheadConfig inventory = configs(context, BulkheadConfig.class).configFor("inventory");
                    assertThat(inventory.adaptive().enabled()).isTrue();
                    assertThat(inventory.adaptive().algorithm()).isEqualTo(AdaptiveLimitAlgorithm.GRADIENT);
                    assertThat(inventory.adaptive().minConcurrentCalls()).isEqualTo(3);
                    assertThat(inventory.adaptive().latencyThreshold()).isEqualTo(Duration.ofMillis(250));
                    assertThat(inventory.adaptive().backoffRatio()).isEqualTo(0.8);
                    assertThat(inventory.adaptive().smoothing()).isEqualTo(0.4);
                });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "circuitbreaker.instances.payments.adaptive.target-error-rate           | 5",
        "circuitbreaker.instances.payments.adaptive.min-failure-rate-threshold  | 0",
        "circuitbreaker.instances.payments.adaptive.max-failure-rate-threshold  | 101",
        "circuitbreaker.defaults.adaptive.max-failure-rate-threshold            | 8",
        "circuitbreaker.presets.unused.adaptive.smoothing                       | 0",
        "bulkhead.instances.inventory.adaptive.min-concurrent-calls             | 0",
        "bulkhead.instances.inventory.adaptive.latency-threshold                | 0s",
        "bulkhead.defaults.adaptive.backoff-ratio                               | 1.0",
        "bulkhead.presets.unused.adaptive.smoothing                             | 2",
    })
    void invalidAdaptiveValueFailsStartupNamingPathAndValue(String property, String value) {
        String path = "resilience." + property;
        runner.withPropertyValues(path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(path + " = " + value);
        });
    }

    @Test
    void anAdaptiveBreakersStartingThresholdMustLieWithinItsBounds() {
        runner.withPropertyValues("resilience.circuitbreaker.instances.payments.adaptive.enabled=true",
                "resilience.circuitbreaker.instances.payments.failure-rate-threshold=95").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("resilience.circuitbreaker.instances.payments.failure-rate-threshold = 95")
                            .hasStackTraceContaining("adaptive.max-failure-rate-threshold (90.0)");
                });
    }

    @Test
    void anAdaptiveBulkheadsMinimumMustNotExceedMaxConcurrentCalls() {
        runner.withPropertyValues("resilience.bulkhead.instances.inventory.adaptive.enabled=true",
                "resilience.bulkhead.instances.inventory.max-concurrent-calls=4",
                "resilience.bulkhead.instances.inventory.adaptive.min-concurrent-calls=6").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("resilience.bulkhead.instances.inventory.adaptive.min-concurrent-calls = 6")
                            .hasStackTraceContaining("max-concurrent-calls (4)");
                });
    }

    @Test
    void anUnknownAlgorithmOrKeyUnderAdaptiveFailsStartup() {
        runner.withPropertyValues("resilience.bulkhead.instances.inventory.adaptive.algorithm=VEGAS")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("resilience.bulkhead.instances.inventory.adaptive.algorithm"));
        runner.withPropertyValues("resilience.circuitbreaker.instances.payments.adaptive.target=20")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("resilience.circuitbreaker.instances.payments.adaptive.target"));
    }
}
