package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.CircuitBreakerView;
import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.spring.testsupport.TestRegistriesConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ResilienceEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceEndpointAutoConfiguration.class))
            .withUserConfiguration(TestRegistriesConfiguration.class)
            .withPropertyValues("management.endpoints.web.exposure.include=resilience");

    @Test
    void showsTheCircuitBreakersOfTheRegistryBean() {
        runner.run(context -> {
            breakers(context.getBean(InstanceRegistry.class)).get("payments");

            assertThat(context).hasSingleBean(ResilienceEndpoint.class).hasSingleBean(CircuitBreakerView.class);
            assertThat(context.getBean(ResilienceEndpoint.class).patterns().get("circuitBreakers"))
                    .containsOnlyKeys("payments");
        });
    }

    @Test
    void showsEmptySectionsWithoutAnyRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=resilience")
                .run(context -> assertThat(context.getBean(ResilienceEndpoint.class).patterns())
                        .containsOnlyKeys("circuitBreakers", "bulkheads", "retries", "timeouts", "rateLimiters")
                        .allSatisfy((section, instances) -> assertThat(instances).isEmpty()));
    }

    @Test
    void keepsSuccessfulCallsOnlyWhenAskedTo() {
        runner.run(context -> assertThat(successesKept(context.getBean(ResilienceEndpoint.class),
                context.getBean(InstanceRegistry.class))).isEmpty());
        runner.withPropertyValues("resilience.events.include-successes=true")
                .run(context -> assertThat(successesKept(context.getBean(ResilienceEndpoint.class),
                        context.getBean(InstanceRegistry.class))).hasSize(1));
    }

    @Test
    void backsOffWhenTheEndpointIsNotExposed() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceEndpointAutoConfiguration.class))
                .withUserConfiguration(TestRegistriesConfiguration.class)
                .run(context -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class)
                        .doesNotHaveBean(CircuitBreakerView.class));
    }

    @Test
    void backsOffWhenAccessIsNone() {
        // upper case: a bare runner lacks the lenient enum conversion a SpringApplication installs
        runner.withPropertyValues("management.endpoint.resilience.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class));
    }

    @Test
    void backsOffWithoutActuatorOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class));
    }

    @Test
    void backsOffWhenTheUserDefinesTheEndpoint() {
        runner.withUserConfiguration(OwnEndpoint.class)
                .run(context -> assertThat(context).getBean(ResilienceEndpoint.class)
                        .isSameAs(context.getBean(OwnEndpoint.class).endpoint));
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<CircuitBreaker> breakers(InstanceRegistry<?> registry) {
        return (InstanceRegistry<CircuitBreaker>) registry;
    }

    private static List<?> successesKept(ResilienceEndpoint endpoint, InstanceRegistry<?> registry) {
        breakers(registry).get("payments").run(() -> { });
        return (List<?>) endpoint.instance("circuitbreakers", "payments").get("events");
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEndpoint {

        final ResilienceEndpoint endpoint = new ResilienceEndpoint(List.of());

        @Bean
        ResilienceEndpoint ownResilienceEndpoint() {
            return endpoint;
        }
    }
}
