package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.retry.Backoff;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.timeout.TimeoutConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * {@code resilience.retry.*} and {@code resilience.timeout.*}: bad values and unknown keys fail startup
 * naming the yml path and the value; layers and built-in presets combine as for circuit breakers.
 */
class RetryTimeoutValidationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "retry.instances.inventory.max-attempts                  | 0",
        "retry.instances.inventory.wait-duration                 | -1s",
        "retry.instances.inventory.multiplier                    | 0.5",
        "retry.instances.inventory.max-wait-duration             | -2s",
        "retry.instances.inventory.jitter                        | 1.0",
        "retry.instances.inventory.jitter                        | -0.1",
        "retry.instances.inventory.max-duration                  | -1ms",
        "retry.instances.inventory.retry-exceptions              | com.example.NoSuchException",
        "retry.instances.inventory.ignore-exceptions             | java.lang.String",
        "retry.instances.inventory.budget.ratio                  | -0.2",
        "retry.instances.inventory.budget.min-retries-per-second | -1",
        "retry.instances.inventory.preset                        | no-such-preset",
        "retry.defaults.max-attempts                             | -3",
        "retry.presets.unused.jitter                             | 2",
        "timeout.instances.inventory.duration                    | 0s",
        "timeout.instances.inventory.duration                    | -1s",
        "timeout.defaults.duration                               | 0ms",
        "timeout.presets.external-api.duration                   | 0s",
        "timeout.instances.inventory.preset                      | no-such-preset",
    })
    void invalidValueFailsStartupNamingPathAndValue(String property, String value) {
        String path = "resilience." + property;
        runner.withPropertyValues(path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"" + value);
        });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "retry.instances.inventory.backoff           | SIDEWAYS",
        "retry.instances.inventory.max-attempts      | many",
        "retry.defaults.wait-duration                | soon",
        "timeout.instances.inventory.duration        | 2 seconds",
        "timeout.instances.inventory.cancel-running  | maybe",
    })
    void valueOfTheWrongTypeFailsStartupNamingPathAndValue(String property, String value) {
        String path = "resilience." + property;
        runner.withPropertyValues(path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"" + value + "\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "resilience.retry.max-attempts", "resilience.retry.defaults.max-atempts",
        "resilience.retry.instances.inventory.budget.percent", "resilience.timeout.instances.inventory.durration",
        "resilience.timeout.defaults.writable-stacktrace" })
    void unknownRetryOrTimeoutKeyFailsStartup(String path) {
        runner.withPropertyValues(path + "=5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure())).contains(path);
        });
    }

    @Test
    void layersCombineLowestFirstUpToTheInstance() {
        runner.withPropertyValues(
                "resilience.retry.defaults.max-attempts=5",
                "resilience.retry.defaults.retry-exceptions=java.io.IOException",
                "resilience.retry.instances.inventory.preset=database",
                "resilience.retry.instances.inventory.wait-duration=50ms",
                "resilience.retry.instances.inventory.budget.ratio=0.5",
                "resilience.timeout.defaults.writable-stack-trace=true",
                "resilience.timeout.instances.inventory.preset=upstream-http",
                "resilience.timeout.instances.inventory.cancel-running=false").run(context -> {
                    RetryConfig retry = retryConfigs(context).configFor("inventory");
                    assertThat(retry.maxAttempts()).isEqualTo(2);
                    assertThat(retry.backoff()).isEqualTo(Backoff.FIXED);
                    assertThat(retry.waitDuration()).isEqualTo(Duration.ofMillis(50));
                    assertThat(retry.retryExceptions()).containsExactly(IOException.class);
                    assertThat(retry.budgetRatio()).isEqualTo(0.5);
                    assertThat(retry.budgetMinRetriesPerSecond()).isEqualTo(10);
                    assertThat(retryConfigs(context).configFor("other").maxAttempts()).isEqualTo(5);

                    TimeoutConfig timeout = timeoutConfigs(context).configFor("inventory");
                    assertThat(timeout.duration()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(timeout.cancelRunning()).isFalse();
                    assertThat(timeout.writableStackTrace()).isTrue();
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "internal-service | 3 | EXPONENTIAL | PT0.1S | PT2S  | 0.0 | PT2S",
        "database         | 2 | FIXED       | PT0.2S | PT1S  | 0.0 | PT5S",
        "upstream-http    | 3 | EXPONENTIAL | PT0.5S | PT10S | 0.2 | PT10S",
        "external-api     | 4 | EXPONENTIAL | PT1S   | PT30S | 0.1 | PT15S",
    })
    void builtInPresetsSetRetryAndTimeout(String preset, int attempts, Backoff backoff, Duration wait,
            Duration maxDuration, double budgetRatio, Duration timeoutDuration) {
        runner.withPropertyValues("resilience.retry.defaults.preset=" + preset, "resilience.timeout.defaults.preset=" + preset)
                .run(context -> {
                    RetryConfig retry = retryConfigs(context).configFor("any");
                    assertThat(List.of(retry.maxAttempts(), retry.backoff(), retry.waitDuration(), retry.maxDuration(),
                            retry.budgetRatio())).containsExactly(attempts, backoff, wait, maxDuration, budgetRatio);
                    assertThat(timeoutConfigs(context).configFor("any").duration()).isEqualTo(timeoutDuration);
                });
    }

    @Test
    void exceptionNamesResolveToClasses() {
        runner.withPropertyValues("resilience.retry.instances.inventory.ignore-exceptions="
                + "java.io.FileNotFoundException,java.util.concurrent.TimeoutException")
                .run(context -> assertThat(retryConfigs(context).configFor("inventory").ignoreExceptions())
                        .containsExactly(FileNotFoundException.class, TimeoutException.class));
    }

    @SuppressWarnings("unchecked")
    private static PatternConfigs<RetryConfig> retryConfigs(ApplicationContext context) {
        return (PatternConfigs<RetryConfig>) context.getBeanProvider(
                ResolvableType.forClassWithGenerics(PatternConfigs.class, RetryConfig.class)).getObject();
    }

    @SuppressWarnings("unchecked")
    private static PatternConfigs<TimeoutConfig> timeoutConfigs(ApplicationContext context) {
        return (PatternConfigs<TimeoutConfig>) context.getBeanProvider(
                ResolvableType.forClassWithGenerics(PatternConfigs.class, TimeoutConfig.class)).getObject();
    }
}
