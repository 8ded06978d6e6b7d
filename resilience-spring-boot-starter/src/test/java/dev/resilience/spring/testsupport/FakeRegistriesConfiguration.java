package dev.resilience.spring.testsupport;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stands in for the registries auto-configuration in observability tests: a {@link ManualClock}, the
 * {@link ResilienceProperties} and a circuit breaker registry of {@link FakeCircuitBreaker}s (max-keys 2,
 * wait in open state 1 minute), so tests drive breakers directly through the registry bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
public class FakeRegistriesConfiguration {

    /** The configuration of every breaker. */
    public static final CircuitBreakerConfig CONFIG = CircuitBreakerConfig.builder()
            .waitDurationInOpenState(Duration.ofMinutes(1))
            .maxKeys(2)
            .build();

    @Bean
    ManualClock manualClock() {
        return new ManualClock();
    }

    @Bean
    InstanceRegistry<CircuitBreaker> circuitBreakerRegistry(ManualClock clock) {
        return new InstanceRegistry<>(id -> new FakeCircuitBreaker(id.displayName(), CONFIG, clock),
                name -> CONFIG.maxKeys());
    }
}
