package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.metrics.ResilienceMeterBinder;
import dev.resilience.spring.testsupport.TestRegistriesConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ResilienceMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    ResilienceMetricsAutoConfiguration.class))
            .withUserConfiguration(TestRegistriesConfiguration.class);

    private final ApplicationContextRunner alone = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceMetricsAutoConfiguration.class))
            .withUserConfiguration(TestRegistriesConfiguration.class);

    @Test
    void metersInstancesCreatedAfterStartup() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ResilienceMeterBinder.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.find("resilience.circuitbreaker.state").gauges()).isEmpty();

            breakers(context.getBean(InstanceRegistry.class)).get("payments");

            assertThat(meters.find("resilience.circuitbreaker.state").tag("name", "payments").gauges()).hasSize(5);
        });
    }

    @Test
    void honoursTheUsualMeterFilterProperty() {
        runner.withPropertyValues("management.metrics.enable.resilience=false").run(context -> {
            breakers(context.getBean(InstanceRegistry.class)).get("payments");

            assertThat(context.getBean(MeterRegistry.class).find("resilience.circuitbreaker.state").gauges()).isEmpty();
        });
    }

    @Test
    void needsOnlyAMeterRegistryBean() {
        alone.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(ResilienceMeterBinder.class));
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        alone.run(context -> assertThat(context).doesNotHaveBean(ResilienceMeterBinder.class));
    }

    @Test
    void backsOffWithoutMicrometerOnTheClasspath() {
        alone.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(ResilienceMeterBinder.class));
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<CircuitBreaker> breakers(InstanceRegistry<?> registry) {
        return (InstanceRegistry<CircuitBreaker>) registry;
    }
}
