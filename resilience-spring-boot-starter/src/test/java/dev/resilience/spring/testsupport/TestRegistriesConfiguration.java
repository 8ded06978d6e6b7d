package dev.resilience.spring.testsupport;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.time.ManualClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stands in for the registries auto-configuration in observability tests: a {@link ManualClock}, the
 * {@link ResilienceProperties} and a registry of real circuit breakers with {@link Breakers#CONFIG}, so
 * tests drive breakers directly through the registry bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
public class TestRegistriesConfiguration {

    @Bean
    ManualClock manualClock() {
        return new ManualClock();
    }

    @Bean
    InstanceRegistry<CircuitBreaker> circuitBreakerRegistry(ManualClock clock) {
        return Breakers.registry(clock);
    }
}
