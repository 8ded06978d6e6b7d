package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.actuate.InstanceFields;
import dev.resilience.spring.healthcheck.ContributorProbes;
import dev.resilience.spring.healthcheck.HealthChecks;
import dev.resilience.time.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ResilienceHealthCheckAutoConfigurationTests {

    private static final String URL = "resilience.circuitbreaker.instances.orders.health-check.url=http://localhost:1/health";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                    ResilienceHealthCheckAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class))
            .withBean(ManualClock.class, ManualClock::new);

    @Test
    void backsOffWhenNoHealthCheckIsWritten() {
        runner.withPropertyValues("resilience.circuitbreaker.instances.orders.failure-rate-threshold=20")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthChecks.class)
                        .doesNotHaveBean(InstanceFields.class).doesNotHaveBean(ContributorProbes.class));
    }

    @Test
    void pollsWhenAHealthCheckIsWritten() {
        runner.withPropertyValues(URL).run(context -> {
            assertThat(context).hasSingleBean(HealthChecks.class).hasSingleBean(InstanceFields.class)
                    .hasSingleBean(ContributorProbes.class);
            assertThat(context.getBean(HealthChecks.class).isRunning()).isTrue();
            assertThat(context.getBean(ManualClock.class).pendingTasks()).as("the first check").isEqualTo(1);
        });
    }

    @Test
    void urlChecksNeedNoSpringBootHealth() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                        ResilienceHealthCheckAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(HealthContributorRegistry.class))
                .withBean(ManualClock.class, ManualClock::new)
                .withPropertyValues(URL)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HealthChecks.class)
                        .doesNotHaveBean(ContributorProbes.class));
    }

    @Test
    void backsOffForTheApplicationsOwnHealthChecks() {
        runner.withPropertyValues(URL)
                .withBean("ownHealthChecks", HealthChecks.class, () -> new HealthChecks(List.of(), null, null,
                        null, () -> null))
                .run(context -> assertThat(context).getBeanNames(HealthChecks.class).containsExactly("ownHealthChecks"));
    }
}
