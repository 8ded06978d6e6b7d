package dev.resilience.spring.autoconfigure;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.InstanceFields;
import dev.resilience.spring.config.CircuitBreakerProperties;
import dev.resilience.spring.healthcheck.ContributorProbes;
import dev.resilience.spring.healthcheck.HealthCheckSpecs;
import dev.resilience.spring.healthcheck.HealthCheckStatus;
import dev.resilience.spring.healthcheck.HealthChecks;
import dev.resilience.spring.healthcheck.RegistryContributorProbes;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Health-check-driven circuit breakers ({@code resilience.circuitbreaker.instances.<name>.health-check}):
 * validates the sections at startup, polls each signal on the {@link Scheduler} bean and shows the
 * status as the breaker's {@code healthCheck} field in the {@code resilience} endpoint. Contributor
 * signals need {@code spring-boot-health}; the only bean that names its types is defined in a nested
 * configuration guarded by its class, so this configuration loads without it (URL signals still work).
 * Backs off when no {@code health-check} key is written ({@link OnHealthCheckCondition}).
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class,
        afterName = "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration")
@ConditionalOnBean(name = "circuitBreakerRegistry")
@Conditional(OnHealthCheckCondition.class)
public final class ResilienceHealthCheckAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HealthChecks resilienceHealthChecks(CircuitBreakerProperties properties, Environment environment,
            InstanceRegistry<CircuitBreaker> circuitBreakerRegistry, Scheduler scheduler, TimeSource timeSource,
            ObjectProvider<ContributorProbes> contributorProbes) {
        return new HealthChecks(HealthCheckSpecs.read(properties, environment), circuitBreakerRegistry, scheduler,
                timeSource, contributorProbes::getIfAvailable);
    }

    /** Shows {@code healthCheck} in the endpoint, for breakers (and their keyed instances) that have one. */
    @Bean
    @ConditionalOnMissingBean(name = "resilienceHealthCheckFields")
    InstanceFields<CircuitBreaker> resilienceHealthCheckFields(HealthChecks resilienceHealthChecks) {
        return (breaker, fields) -> resilienceHealthChecks.status(nameWithoutKey(breaker.name()))
                .map(HealthCheckStatus::toMap)
                .ifPresent(status -> fields.put("healthCheck", status));
    }

    private static String nameWithoutKey(String displayName) {
        int key = displayName.indexOf('[');
        return key < 0 ? displayName : displayName.substring(0, key);
    }

    /** Contributor signals, from Boot's health contributor registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.registry.HealthContributorRegistry")
    static final class ContributorSignals {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(HealthContributorRegistry.class)
        ContributorProbes resilienceContributorProbes(HealthContributorRegistry healthContributorRegistry) {
            return new RegistryContributorProbes(healthContributorRegistry);
        }
    }
}
