package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

class BulkheadConfigurationTests {

    private static final String BH = "resilience.bulkhead.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @Test
    void eachLayerWinsOverTheOneBelowKeyByKey() {
        runner.withPropertyValues(BH + "defaults.max-concurrent-calls=40", BH + "defaults.max-keys=9",
                        BH + "presets.mine.max-concurrent-calls=30", BH + "presets.mine.max-queue-size=7",
                        BH + "instances.reports.preset=mine", BH + "instances.reports.max-concurrent-calls=2")
                .run(context -> {
                    BulkheadConfig config = configs(context).configFor("reports");
                    assertThat(config.maxConcurrentCalls()).as("instance").isEqualTo(2);
                    assertThat(config.maxQueueSize()).as("preset").isEqualTo(7);
                    assertThat(config.maxKeys()).as("defaults").isEqualTo(9);
                    assertThat(config.maxWaitDuration()).as("built-in").isEqualTo(Duration.ZERO);
                });
    }

    @Test
    void namesOnlyKnownFromAnnotationsGetTheBuiltInDefaults() {
        runner.run(context -> {
            BulkheadConfig config = configs(context).configFor("Unnamed.method");
            assertThat(config.maxConcurrentCalls()).isEqualTo(25);
            assertThat(config.maxQueueSize()).isZero();
            assertThat(config.maxWaitDuration()).isEqualTo(Duration.ZERO);
            assertThat(config.maxKeys()).isEqualTo(1000);
        });
    }

    @ParameterizedTest
    @CsvSource({ "internal-service, 50, 25, 100", "database, 10, 20, 500", "upstream-http, 25, 10, 250",
        "external-api, 10, 0, 0" })
    void builtInPresetsSetSlotsQueueAndWait(String preset, int slots, int queue, long waitMillis) {
        runner.withPropertyValues(BH + "instances.db.preset=" + preset).run(context -> {
            BulkheadConfig config = configs(context).configFor("db");
            assertThat(config.maxConcurrentCalls()).isEqualTo(slots);
            assertThat(config.maxQueueSize()).isEqualTo(queue);
            assertThat(config.maxWaitDuration()).isEqualTo(Duration.ofMillis(waitMillis));
        });
    }

    @Test
    void declaredInstancesExistAtStartupWithTheirConfiguration() {
        runner.withPropertyValues(BH + "instances.reports.max-concurrent-calls=3").run(context -> {
            InstanceRegistry<Bulkhead> registry = context.getBean("bulkheadRegistry", InstanceRegistry.class);
            assertThat(registry.find(new InstanceId("reports", null)))
                    .hasValueSatisfying(bulkhead -> assertThat(bulkhead.snapshot().maxConcurrentCalls()).isEqualTo(3));
        });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "instances.reports.max-concurrent-calls | 0",
        "instances.reports.max-concurrent-calls | -2",
        "instances.reports.max-queue-size       | -1",
        "instances.reports.max-wait-duration    | -1s",
        "instances.reports.max-keys             | 0",
        "instances.reports.preset               | no-such-preset",
        "defaults.max-concurrent-calls          | 0",
        "presets.unused.max-wait-duration       | -5ms",
    })
    void invalidValueFailsStartupNamingPathAndValue(String property, String value) {
        String path = BH + property;
        runner.withPropertyValues(path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"" + value);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "instances.reports.max-concurent-calls", "defaults.queue-size", "presets.unused.max-wait" })
    void unknownKeyUnderTheBulkheadFailsStartup(String property) {
        String path = BH + property;
        runner.withPropertyValues(path + "=4").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"4\"").contains("left unbound");
        });
    }

    @SuppressWarnings("unchecked")
    private static PatternConfigs<BulkheadConfig> configs(AssertableApplicationContext context) {
        ResolvableType type = ResolvableType.forClassWithGenerics(PatternConfigs.class, BulkheadConfig.class);
        return (PatternConfigs<BulkheadConfig>) context.getBeanProvider(type).getObject();
    }
}
