package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.ResilienceHealthIndicator;
import dev.resilience.spring.testsupport.TestRegistriesConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ResilienceHealthAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceHealthAutoConfiguration.class))
            .withUserConfiguration(TestRegistriesConfiguration.class);

    @Test
    void contributesResilienceHealthFromTheRegistryBean() {
        runner.run(context -> {
            assertThat(context).hasBean("resilienceHealthIndicator");
            breakers(context.getBean(InstanceRegistry.class)).get("payments").forceOpen();

            assertThat(context.getBean(ResilienceHealthIndicator.class).health().getDetails()).containsKey("payments");
            assertThat(context.getBean(ResilienceHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void turnsDownOnAnOpenBreakerWhenConfigured() {
        runner.withPropertyValues("resilience.health.down-on-open=true").run(context -> {
            breakers(context.getBean(InstanceRegistry.class)).get("payments").forceOpen();

            assertThat(context.getBean(ResilienceHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void isUpWithoutARegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceHealthAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(ResilienceHealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.UP));
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues("management.health.resilience.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ResilienceHealthIndicator.class));
    }

    @Test
    void backsOffWithoutSpringBootHealthOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(ResilienceHealthIndicator.class));
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<CircuitBreaker> breakers(InstanceRegistry<?> registry) {
        return (InstanceRegistry<CircuitBreaker>) registry;
    }
}
