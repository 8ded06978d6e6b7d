package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusResolver;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.CircuitBreakerProperties;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.spring.http.SpringHttpStatusResolver;
import dev.resilience.time.ManualClock;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClientResponseException;

class ResilienceAutoConfigurationTests {

    private static final String CB = "resilience.circuitbreaker.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

    @Test
    void definesTheSharedBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TimeSource.class)).isSameAs(TimeSource.system());
            assertThat(context.getBean(Scheduler.class)).isSameAs(Scheduler.system());
            assertThat(context).hasSingleBean(ResilienceProperties.class).hasSingleBean(CircuitBreakerProperties.class);
            assertThat(context.getBean(StatusResolver.class)).isInstanceOf(SpringHttpStatusResolver.class);
            assertThat(configs(context).declaredInstances()).isEmpty();
            assertThat(context.getBean("circuitBreakerRegistry")).isSameAs(registry(context));
        });
    }

    @Test
    void declaredInstancesExistRightAfterStartupWithTheirConfiguration() {
        runner.withPropertyValues(CB + "instances.payments.failure-rate-threshold=30", CB + "instances.orders.preset=database")
                .run(context -> {
                    InstanceRegistry<CircuitBreaker> registry = registry(context);
                    assertThat(registry.all().keySet()).extracting(InstanceId::displayName).containsExactly("orders", "payments");
                    CircuitBreaker payments = registry.find(InstanceId.of("payments")).orElseThrow();
                    assertThat(payments.name()).isEqualTo("payments");
                    assertThat(payments.config()).isSameAs(configs(context).configFor("payments"));
                    assertThat(payments.config().failureRateThreshold()).isEqualTo(30f);
                    assertThat(payments.config().statusResolver()).isSameAs(context.getBean(StatusResolver.class));
                });
    }

    @Test
    void registryCreatesUndeclaredNamesOnDemand() {
        runner.run(context -> {
            CircuitBreaker breaker = registry(context).get("Client.call", "tenant-a");
            assertThat(breaker.name()).isEqualTo("Client.call[tenant-a]");
            assertThat(breaker.config()).isSameAs(configs(context).configFor("Client.call"));
        });
    }

    @Test
    void maxKeysOfTheNameBoundsItsKeyedInstances() {
        runner.withPropertyValues(CB + "instances.tenants.max-keys=2").run(context -> {
            InstanceRegistry<CircuitBreaker> registry = registry(context);
            registry.get("tenants", "a");
            registry.get("tenants", "b");
            registry.get("tenants", "a");
            registry.get("tenants", "c");
            registry.get("others", "a");
            registry.get("others", "b");
            registry.get("others", "c");

            assertThat(registry.all().keySet()).extracting(InstanceId::displayName)
                    .containsExactly("others[a]", "others[b]", "others[c]", "tenants", "tenants[a]", "tenants[c]");
        });
    }

    @Test
    void userTimeSourceAndSchedulerWin() {
        runner.withUserConfiguration(ManualTime.class).withPropertyValues(CB + "instances.payments.max-keys=5").run(context -> {
            ManualClock clock = context.getBean(ManualClock.class);
            assertThat(context.getBean(TimeSource.class)).isSameAs(clock);
            assertThat(context.getBean(Scheduler.class)).isSameAs(clock);
            assertThat(registry(context).get("payments").timeSource()).isSameAs(clock);
        });
    }

    @Test
    void userRegistryWins() {
        runner.withUserConfiguration(OwnRegistry.class).withPropertyValues(CB + "instances.payments.max-keys=5").run(context -> {
            assertThat(context.getBean("circuitBreakerRegistry")).isSameAs(context.getBean(OwnRegistry.class).registry);
            assertThat(registry(context).all()).as("declared instances created in the user's registry").hasSize(1);
        });
    }

    @Test
    void disabledAnnotationsStillStartWithTheRegistries() {
        runner.withPropertyValues("resilience.enabled=false", CB + "instances.payments.max-keys=5").run(context -> {
            assertThat(context.getBean(ResilienceProperties.class).isEnabled()).isFalse();
            assertThat(registry(context).find(InstanceId.of("payments"))).isPresent();
        });
    }

    @Test
    void healthSettingBinds() {
        runner.withPropertyValues("resilience.health.down-on-open=true")
                .run(context -> assertThat(context.getBean(ResilienceProperties.class).getHealth().isDownOnOpen()).isTrue());
    }

    @Test
    void startsWithoutSpringWebfluxAndStillResolvesSpringWebStatuses() {
        runner.withClassLoader(new FilteredClassLoader(WebClientResponseException.class)).run(context -> {
            assertThat(context).hasNotFailed();
            StatusResolver resolver = configs(context).configFor("payments").statusResolver();
            assertThat(resolver.statusOf(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build())).isEqualTo(503);
            assertThat(resolver.statusOf(WebClientResponseException.create(503, "Unavailable", HttpHeaders.EMPTY,
                    new byte[0], StandardCharsets.UTF_8))).isEqualTo(-1);
        });
    }

    @Test
    void startsWithoutSpringWeb() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.web.", "org.springframework.http."))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(StatusResolver.class))
                            .hasToString("SpringHttpStatusResolver[spring-web=false, spring-webflux=false]");
                });
    }

    @SuppressWarnings("unchecked")
    private static PatternConfigs<CircuitBreakerConfig> configs(AssertableApplicationContext context) {
        ResolvableType type = ResolvableType.forClassWithGenerics(PatternConfigs.class, CircuitBreakerConfig.class);
        return (PatternConfigs<CircuitBreakerConfig>) context.getBeanProvider(type).getObject();
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<CircuitBreaker> registry(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        ResolvableType type = ResolvableType.forClassWithGenerics(InstanceRegistry.class, CircuitBreaker.class);
        return (InstanceRegistry<CircuitBreaker>) context.getBeanProvider(type).getObject();
    }

    @Configuration(proxyBeanMethods = false)
    static class ManualTime {

        @Bean
        ManualClock manualClock() {
            return new ManualClock();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {

        final InstanceRegistry<CircuitBreaker> registry = new InstanceRegistry<>(
                id -> CircuitBreaker.of(id.displayName(), CircuitBreakerConfig.defaults()), name -> 1);

        @Bean
        InstanceRegistry<CircuitBreaker> circuitBreakerRegistry() {
            return registry;
        }
    }
}
