package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
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

class RateLimiterConfigurationTests {

    private static final String RL = "resilience.ratelimiter.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @Test
    void eachLayerWinsOverTheOneBelowKeyByKey() {
        runner.withPropertyValues(RL + "defaults.limit-for-period=40", RL + "defaults.max-keys=9",
                        RL + "presets.mine.limit-for-period=30", RL + "presets.mine.timeout-duration=20ms",
                        RL + "instances.search.preset=mine", RL + "instances.search.limit-for-period=3")
                .run(context -> {
                    RateLimiterConfig config = configs(context).configFor("search");
                    assertThat(config.limitForPeriod()).as("instance").isEqualTo(3);
                    assertThat(config.timeoutDuration()).as("preset").isEqualTo(Duration.ofMillis(20));
                    assertThat(config.maxKeys()).as("defaults").isEqualTo(9);
                    assertThat(config.limitRefreshPeriod()).as("built-in").isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void namesOnlyKnownFromAnnotationsGetTheBuiltInDefaults() {
        runner.run(context -> {
            RateLimiterConfig config = configs(context).configFor("Unnamed.method");
            assertThat(config.limitForPeriod()).isEqualTo(50);
            assertThat(config.limitRefreshPeriod()).isEqualTo(Duration.ofSeconds(1));
            assertThat(config.timeoutDuration()).isEqualTo(Duration.ZERO);
            assertThat(config.maxKeys()).isEqualTo(1000);
        });
    }

    @ParameterizedTest
    @CsvSource({ "internal-service, 1000, 0", "database, 200, 50", "upstream-http, 100, 100", "external-api, 10, 500" })
    void builtInPresetsSetLimitPeriodAndWait(String preset, int limit, long timeoutMillis) {
        runner.withPropertyValues(RL + "defaults.preset=" + preset).run(context -> {
            RateLimiterConfig config = configs(context).configFor("api");
            assertThat(config.limitForPeriod()).isEqualTo(limit);
            assertThat(config.limitRefreshPeriod()).isEqualTo(Duration.ofSeconds(1));
            assertThat(config.timeoutDuration()).isEqualTo(Duration.ofMillis(timeoutMillis));
        });
    }

    @Test
    void declaredInstancesExistAtStartupWithTheirConfiguration() {
        runner.withPropertyValues(RL + "instances.search.limit-for-period=4").run(context -> {
            InstanceRegistry<RateLimiter> registry = context.getBean("rateLimiterRegistry", InstanceRegistry.class);
            assertThat(registry.find(new InstanceId("search", null)))
                    .hasValueSatisfying(limiter -> assertThat(limiter.snapshot().availablePermits()).isEqualTo(4));
        });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "instances.search.limit-for-period     | 0",
        "instances.search.limit-for-period     | -5",
        "instances.search.limit-refresh-period | 0s",
        "instances.search.limit-refresh-period | -1s",
        "instances.search.timeout-duration     | -1ms",
        "instances.search.max-keys             | 0",
        "instances.search.preset               | no-such-preset",
        "defaults.limit-for-period             | 0",
        "presets.unused.timeout-duration       | -2s",
    })
    void invalidValueFailsStartupNamingPathAndValue(String property, String value) {
        String path = RL + property;
        runner.withPropertyValues(path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"" + value);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "instances.search.limit-per-period", "defaults.refresh-period", "presets.unused.timeout" })
    void unknownKeyUnderTheRateLimiterFailsStartup(String property) {
        String path = RL + property;
        runner.withPropertyValues(path + "=4").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"4\"").contains("left unbound");
        });
    }

    @SuppressWarnings("unchecked")
    private static PatternConfigs<RateLimiterConfig> configs(AssertableApplicationContext context) {
        ResolvableType type = ResolvableType.forClassWithGenerics(PatternConfigs.class, RateLimiterConfig.class);
        return (PatternConfigs<RateLimiterConfig>) context.getBeanProvider(type).getObject();
    }
}
