package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CircuitBreakerValidationTests {

    private static final String CB = "resilience.circuitbreaker.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "instances.payments.sliding-window-size            | -1",
        "instances.payments.sliding-window-size            | 0",
        "instances.payments.minimum-number-of-calls        | 0",
        "instances.payments.failure-rate-threshold         | 0",
        "instances.payments.failure-rate-threshold         | 100.5",
        "instances.payments.slow-call-rate-threshold       | -3",
        "instances.payments.consecutive-failure-threshold  | -1",
        "instances.payments.slow-call-duration-threshold   | -1s",
        "instances.payments.wait-duration-in-open-state    | 0s",
        "instances.payments.open-state-backoff-multiplier  | 0.5",
        "instances.payments.max-wait-duration-in-open-state| -5m",
        "instances.payments.permitted-calls-in-half-open-state | 0",
        "instances.payments.success-threshold              | 0",
        "instances.payments.max-keys                       | 0",
        "instances.payments.record-exceptions              | com.example.NoSuchException",
        "instances.payments.ignore-exceptions              | java.lang.String",
        "instances.payments.failure-status-codes           | 5xx",
        "instances.payments.failure-status-codes           | 600",
        "instances.payments.preset                         | no-such-preset",
        "defaults.failure-rate-threshold                   | 101",
        "defaults.preset                                   | no-such-preset",
        "presets.unused.permitted-calls-in-half-open-state | 0",
        "presets.database.success-threshold                | -2",
    })
    void invalidValueFailsStartupNamingPathAndValue(String property, String value) {
        String path = CB + property;
        runner.withPropertyValues(path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(path + " = " + value);
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"" + value);
        });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "instances.payments.sliding-window-type        | COUNTED",
        "defaults.sliding-window-type                  | SLIDING",
        "instances.payments.wait-duration-in-open-state | soon",
        "presets.slow.slow-call-duration-threshold     | 5 seconds",
        "instances.payments.failure-rate-threshold     | half",
        "instances.payments.max-keys                   | 1e3",
    })
    void valueOfTheWrongTypeFailsStartupNamingPathAndValue(String property, String value) {
        String path = CB + property;
        runner.withPropertyValues(path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"" + value + "\"");
        });
    }

    @Test
    void unknownEnumNameReportsTheValidNames() {
        runner.withPropertyValues(CB + "instances.payments.sliding-window-type=COUNTED").run(context ->
                assertThat(StartupFailureReport.of(context.getStartupFailure())).contains("COUNT_BASED", "TIME_BASED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "instances.payments.failure-rate-treshold",
        "defaults.failure-rate-treshold",
        "presets.unused.wait-duration",
        "instances.payments.failure-rate-threshold.value",
        "default.failure-rate-threshold",
    })
    void unknownKeyUnderTheCircuitBreakerFailsStartup(String property) {
        String path = CB + property;
        runner.withPropertyValues(path + "=40").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"40\"").contains("left unbound");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "resilience.circuit-braker.instances.payments.failure-rate-threshold",
        "resilience.health.down-on-opn", "resilience.enabeld" })
    void unknownKeyOutsideThePatternSectionsFailsStartup(String path) {
        runner.withPropertyValues(path + "=40").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"40\"").contains("left unbound");
        });
    }

    @Test
    void keysOfPatternsStillToComeAreLeftToTheirOwnProperties() {
        runner.withPropertyValues("resilience.bulkhead.defaults.max-concurrent-calls=3")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void windowSmallerThanMinimumCallsFailsEvenWhenTheLayersSetThemApart() {
        runner.withPropertyValues(CB + "defaults.minimum-number-of-calls=20", CB + "instances.payments.sliding-window-size=10")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(StartupFailureReport.of(context.getStartupFailure()))
                            .contains("Property: " + CB + "defaults.minimum-number-of-calls")
                            .contains("Value: \"20\"")
                            .contains("must not exceed sliding-window-size (10)");
                });
    }

    @Test
    void timeBasedWindowMayBeSmallerThanMinimumCalls() {
        runner.withPropertyValues(CB + "instances.payments.sliding-window-type=TIME_BASED",
                CB + "instances.payments.sliding-window-size=5", CB + "instances.payments.minimum-number-of-calls=50")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void clashWithABuiltInPresetValueIsReportedAtTheInstanceNamingThePreset() {
        runner.withPropertyValues(CB + "instances.payments.preset=internal-service", CB + "instances.payments.sliding-window-size=5")
                .run(context -> assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: " + CB + "instances.payments.minimum-number-of-calls")
                        .contains("Value: \"20\"")
                        .contains("Origin: built-in preset 'internal-service'"));
    }

    @Test
    void presetCannotNameAnotherPreset() {
        runner.withPropertyValues(CB + "presets.mine.preset=database").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + CB + "presets.mine.preset").contains("a preset cannot name another preset");
        });
    }

    @Test
    void reportSaysWhatToChange() {
        runner.withPropertyValues(CB + "instances.payments.failure-rate-threshold=150").run(context ->
                assertThat(StartupFailureReport.of(context.getStartupFailure())).isEqualTo("""
                        Invalid resilience configuration:

                            Property: resilience.circuitbreaker.instances.payments.failure-rate-threshold
                            Value: "150"
                            Origin: "resilience.circuitbreaker.instances.payments.failure-rate-threshold" from property source "test"
                            Reason: must be a percentage in (0, 100]
                        Update resilience.circuitbreaker.instances.payments.failure-rate-threshold in your application's \
                        configuration (application.yml, application.properties, environment): it must be a percentage in (0, 100].\
                        """));
    }
}
