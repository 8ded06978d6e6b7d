package dev.resilience.spring.autoconfigure;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.ResilienceHealthIndicator;
import dev.resilience.spring.config.ResilienceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code resilience} health contributor. Backs off without {@code spring-boot-health} on the
 * classpath and when {@code management.health.resilience.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration")
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnEnabledHealthIndicator("resilience")
public final class ResilienceHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "resilienceHealthIndicator")
    ResilienceHealthIndicator resilienceHealthIndicator(ObjectProvider<InstanceRegistry<CircuitBreaker>> circuitBreakers,
            ObjectProvider<ResilienceProperties> properties) {
        boolean downOnOpen = properties.stream().anyMatch(p -> p.getHealth().isDownOnOpen());
        return new ResilienceHealthIndicator(circuitBreakers.getIfUnique(), downOnOpen);
    }
}
