package dev.resilience.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/** The configuration as users write it: an application.yml. */
class YamlConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @Test
    void specExampleWithDeclaredOnlyInstancesAndYamlLists() throws IOException {
        ApplicationContextRunner withYaml = withYaml("""
                resilience:
                  circuitbreaker:
                    defaults:
                      failure-status-codes: [500-599, 408]
                    presets:
                      slow-partner: { wait-duration-in-open-state: 2m, max-wait-duration-in-open-state: 20m }
                    instances:
                      payments:
                        preset: external-api
                        failure-rate-threshold: 40
                      orders: {}
                      audit:
                      "[Client.call]":
                        preset: slow-partner
                """);
        withYaml.run(context -> {
            PatternConfigs<CircuitBreakerConfig> configs = CircuitBreakerLayeringTests.configs(context);
            assertThat(configs.declaredInstances()).containsExactly("payments", "orders", "audit", "Client.call");
            assertThat(configs.configFor("payments").failureRateThreshold()).isEqualTo(40f);
            assertThat(configs.configFor("payments").openStateBackoffMultiplier()).isEqualTo(2.0);
            assertThat(configs.configFor("orders").failureStatusCodes().entries()).containsExactly("500-599", "408");
            assertThat(configs.configFor("audit").failureRateThreshold()).isEqualTo(50f);
            assertThat(configs.configFor("Client.call").waitDurationInOpenState()).isEqualTo(Duration.ofMinutes(2));
        });
    }

    @Test
    void reportNamesTheFileAndLine() throws IOException {
        withYaml("""
                resilience:
                  circuitbreaker:
                    instances:
                      payments:
                        slow-call-rate-threshold: 0
                """).run(context -> assertThat(StartupFailureReport.of(context.getStartupFailure()))
                        .contains("Property: resilience.circuitbreaker.instances.payments.slow-call-rate-threshold")
                        .contains("Value: \"0\"")
                        .contains("Origin: class path resource [application.yml] - 5:35")
                        .contains("must be a percentage in (0, 100]"));
    }

    private ApplicationContextRunner withYaml(String yaml) throws IOException {
        ByteArrayResource resource = new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getDescription() {
                return "class path resource [application.yml]";
            }
        };
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml", resource);
        return runner.withInitializer(context -> sources.forEach(context.getEnvironment().getPropertySources()::addFirst));
    }
}
