package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceHealthCheckAutoConfiguration;
import dev.resilience.spring.healthcheck.HealthChecks;
import dev.resilience.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Invalid health-check sections fail startup naming the yml path and the value as written. */
class HealthCheckValidationTests {

    private static final String CB = "resilience.circuitbreaker.";
    private static final String HC = CB + "instances.payments.health-check.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                    ResilienceHealthCheckAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class))
            .withBean(ManualClock.class, ManualClock::new)
            .withBean("ledgerHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build());

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "url                 | ftp://example.com/health      | must be an absolute http or https URL",
        "url                 | not a url                     | must be an absolute http or https URL",
        "url                 | /health                       | must be an absolute http or https URL",
        "interval            | 0s                            | must be greater than zero",
        "interval            | -1s                           | must be greater than zero",
        "timeout             | 0ms                           | must be greater than zero",
        "unhealthy-threshold | 0                             | must be at least 1",
        "healthy-threshold   | -2                            | must be at least 1",
    })
    void invalidUrlSectionFailsStartupNamingPathAndValue(String key, String value, String requirement) {
        String path = HC + key;
        String url = key.equals("url") ? value : "http://localhost:8081/health";
        runner.withPropertyValues(HC + "url=" + url, path + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + path).contains("Value: \"" + value + "\"").contains(requirement);
        });
    }

    @Test
    void contributorAndUrlTogetherFailStartup() {
        runner.withPropertyValues(HC + "contributor=ledger", HC + "url=http://localhost:8081/health").run(context ->
                assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: " + HC + "url").contains("Value: \"http://localhost:8081/health\"")
                        .contains("needs exactly one of " + HC + "contributor and " + HC + "url"));
    }

    @Test
    void aSectionWithNeitherContributorNorUrlFailsStartup() {
        runner.withPropertyValues(HC + "interval=5s").run(context ->
                assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: " + CB + "instances.payments.health-check\n")
                        .contains("Value: \"{interval=5s}\"").contains("needs exactly one of"));
    }

    @Test
    void anUnknownContributorFailsStartupListingTheRegisteredOnes() {
        runner.withPropertyValues(HC + "contributor=ledgr").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailureReport.of(context.getStartupFailure()))
                    .contains("Property: " + HC + "contributor").contains("Value: \"ledgr\"")
                    .contains("must name a registered health contributor").contains("[ledger]");
        });
    }

    @Test
    void aContributorWithoutSpringBootHealthFailsStartup() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                        ResilienceHealthCheckAutoConfiguration.class))
                .withBean(ManualClock.class, ManualClock::new)
                .withPropertyValues(HC + "contributor=ledger")
                .run(context -> assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: " + HC + "contributor").contains("needs Spring Boot's health support"));
    }

    @Test
    void aContributorPathWithAnEmptyNameFailsStartup() {
        runner.withPropertyValues(HC + "contributor=ledger//primary").run(context ->
                assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: " + HC + "contributor").contains("Value: \"ledger//primary\""));
    }

    @ParameterizedTest
    @CsvSource({ "defaults", "presets.shared" })
    void aHealthCheckOutsideInstancesFailsStartup(String section) {
        String path = CB + section + ".health-check.url";
        runner.withPropertyValues(path + "=http://localhost:8081/health").run(context ->
                assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: " + path).contains("Value: \"http://localhost:8081/health\"")
                        .contains("is only read under " + CB + "instances.<name>"));
    }

    @Test
    void anUnknownKeyInTheSectionFailsStartup() {
        runner.withPropertyValues(HC + "url=http://localhost:8081/health", HC + "intervall=5s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(HC + "intervall");
        });
    }

    @Test
    void everyKeyIsAcceptedUnderANamedInstance() {
        runner.withPropertyValues(HC + "contributor=ledger", HC + "interval=30s", HC + "timeout=1s",
                HC + "unhealthy-threshold=3", HC + "healthy-threshold=2", CB + "instances[Ledger.post].health-check.url="
                        + "https://ledger.internal/health")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HealthChecks.class).status("payments")).hasValueSatisfying(status ->
                            assertThat(status.source()).isEqualTo("contributor ledger"));
                    assertThat(context.getBean(HealthChecks.class).status("Ledger.post")).isPresent();
                });
    }

    @Test
    void aBracketedInstanceNameIsReportedInBrackets() {
        runner.withPropertyValues(CB + "instances[Ledger.post].health-check.url=ledger").run(context ->
                assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: " + CB + "instances[Ledger.post].health-check.url"));
    }
}
