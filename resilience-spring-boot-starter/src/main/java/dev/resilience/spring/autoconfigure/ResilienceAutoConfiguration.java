package dev.resilience.spring.autoconfigure;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusResolver;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.CircuitBreakerMapping;
import dev.resilience.spring.config.CircuitBreakerProperties;
import dev.resilience.spring.config.LayeredPatternConfigs;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.spring.config.StartupInstances;
import dev.resilience.spring.config.UnknownPropertiesCheck;
import dev.resilience.spring.http.SpringHttpStatusResolver;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The starter's core beans: time, scheduling, the {@code resilience.*} properties, each pattern's layered
 * configurations and its instance registry. Every bean backs off when the application defines its own
 * (a test can put a {@link dev.resilience.time.ManualClock} in as {@link TimeSource} and {@link Scheduler}).
 * These beans stay when {@code resilience.enabled=false}: only the aspect backs off then.
 *
 * <p>The {@link StatusResolver} (HTTP statuses of Spring's web types) can be replaced by a bean of the
 * application, for other HTTP clients. Invalid {@code resilience.*} values fail startup with the yml path
 * (see {@link dev.resilience.spring.config.InvalidPropertyFailureAnalyzer}); so do unknown keys.
 *
 * <p>A pattern plugs in with its {@code PatternProperties} subclass in {@code @EnableConfigurationProperties}
 * and three beans: {@code <pattern>Configs} (a {@link LayeredPatternConfigs} over its
 * {@code PatternMapping}), {@code <pattern>Registry} and {@code <pattern>StartupInstances}. They are
 * conditional on their bean names, because generic types alone would let one pattern's bean hide another's.
 */
@AutoConfiguration
@EnableConfigurationProperties({ ResilienceProperties.class, CircuitBreakerProperties.class })
public final class ResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TimeSource resilienceTimeSource() {
        return TimeSource.system();
    }

    @Bean
    @ConditionalOnMissingBean
    Scheduler resilienceScheduler() {
        return Scheduler.system();
    }

    @Bean
    @ConditionalOnMissingBean
    UnknownPropertiesCheck resilienceUnknownPropertiesCheck(Environment environment) {
        return new UnknownPropertiesCheck(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    StatusResolver resilienceStatusResolver(ResourceLoader resourceLoader) {
        return new SpringHttpStatusResolver(resourceLoader.getClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean(name = "circuitBreakerConfigs")
    PatternConfigs<CircuitBreakerConfig> circuitBreakerConfigs(CircuitBreakerProperties properties,
            StatusResolver statusResolver, Environment environment, ResourceLoader resourceLoader) {
        CircuitBreakerMapping mapping = new CircuitBreakerMapping(statusResolver, resourceLoader.getClassLoader());
        return new LayeredPatternConfigs<>(mapping, properties, Binder.get(environment));
    }

    @Bean
    @ConditionalOnMissingBean(name = "circuitBreakerRegistry")
    InstanceRegistry<CircuitBreaker> circuitBreakerRegistry(PatternConfigs<CircuitBreakerConfig> circuitBreakerConfigs,
            TimeSource timeSource) {
        return new InstanceRegistry<>(
                id -> CircuitBreaker.of(id.displayName(), circuitBreakerConfigs.configFor(id.name()), timeSource),
                name -> circuitBreakerConfigs.configFor(name).maxKeys());
    }

    @Bean
    @ConditionalOnMissingBean(name = "circuitBreakerStartupInstances")
    StartupInstances circuitBreakerStartupInstances(PatternConfigs<CircuitBreakerConfig> circuitBreakerConfigs,
            InstanceRegistry<CircuitBreaker> circuitBreakerRegistry) {
        return new StartupInstances(circuitBreakerConfigs, circuitBreakerRegistry);
    }
}
