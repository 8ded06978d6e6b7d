package dev.resilience.spring.autoconfigure;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusResolver;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.config.BulkheadMapping;
import dev.resilience.spring.config.BulkheadProperties;
import dev.resilience.spring.config.CircuitBreakerMapping;
import dev.resilience.spring.config.CircuitBreakerProperties;
import dev.resilience.spring.config.LayeredPatternConfigs;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.spring.config.RateLimiterMapping;
import dev.resilience.spring.config.RateLimiterProperties;
import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.spring.config.RetryMapping;
import dev.resilience.spring.config.RetryProperties;
import dev.resilience.spring.config.StartupInstances;
import dev.resilience.spring.config.TimeoutMapping;
import dev.resilience.spring.config.TimeoutProperties;
import dev.resilience.spring.config.UnknownPropertiesCheck;
import dev.resilience.spring.http.SpringHttpStatusResolver;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutConfig;
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
 * Registries of keyed patterns build each instance with {@link PatternConfigs#configFor(dev.resilience.registry.InstanceId)},
 * so that a key can have a configuration of its own ({@link PatternConfigs#registerKeySections}).
 */
@AutoConfiguration
@EnableConfigurationProperties({ ResilienceProperties.class, CircuitBreakerProperties.class,
        BulkheadProperties.class, RateLimiterProperties.class, RetryProperties.class, TimeoutProperties.class })
public final class ResilienceAutoConfiguration {

    /** The bound on keys of patterns whose annotations take no key (retry, timeout). */
    private static final int UNKEYED_MAX_KEYS = 1;

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
                id -> CircuitBreaker.of(id.displayName(), circuitBreakerConfigs.configFor(id), timeSource),
                name -> circuitBreakerConfigs.sourcedMaxKeys(name).orElseGet(() -> circuitBreakerConfigs.configFor(name).maxKeys()));
    }

    @Bean
    @ConditionalOnMissingBean(name = "circuitBreakerStartupInstances")
    StartupInstances circuitBreakerStartupInstances(PatternConfigs<CircuitBreakerConfig> circuitBreakerConfigs,
            InstanceRegistry<CircuitBreaker> circuitBreakerRegistry) {
        return new StartupInstances(circuitBreakerConfigs, circuitBreakerRegistry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "bulkheadConfigs")
    PatternConfigs<BulkheadConfig> bulkheadConfigs(BulkheadProperties properties, Environment environment) {
        return new LayeredPatternConfigs<>(new BulkheadMapping(), properties, Binder.get(environment));
    }

    @Bean
    @ConditionalOnMissingBean(name = "bulkheadRegistry")
    InstanceRegistry<Bulkhead> bulkheadRegistry(PatternConfigs<BulkheadConfig> bulkheadConfigs, TimeSource timeSource,
            Scheduler scheduler) {
        return new InstanceRegistry<>(
                id -> Bulkhead.of(id.displayName(), bulkheadConfigs.configFor(id), timeSource, scheduler),
                name -> bulkheadConfigs.sourcedMaxKeys(name).orElseGet(() -> bulkheadConfigs.configFor(name).maxKeys()));
    }

    @Bean
    @ConditionalOnMissingBean(name = "bulkheadStartupInstances")
    StartupInstances bulkheadStartupInstances(PatternConfigs<BulkheadConfig> bulkheadConfigs,
            InstanceRegistry<Bulkhead> bulkheadRegistry) {
        return new StartupInstances(bulkheadConfigs, bulkheadRegistry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "rateLimiterConfigs")
    PatternConfigs<RateLimiterConfig> rateLimiterConfigs(RateLimiterProperties properties, Environment environment) {
        return new LayeredPatternConfigs<>(new RateLimiterMapping(), properties, Binder.get(environment));
    }

    @Bean
    @ConditionalOnMissingBean(name = "rateLimiterRegistry")
    InstanceRegistry<RateLimiter> rateLimiterRegistry(PatternConfigs<RateLimiterConfig> rateLimiterConfigs,
            TimeSource timeSource, Scheduler scheduler) {
        return new InstanceRegistry<>(
                id -> RateLimiter.of(id.displayName(), rateLimiterConfigs.configFor(id), timeSource, scheduler),
                name -> rateLimiterConfigs.sourcedMaxKeys(name).orElseGet(() -> rateLimiterConfigs.configFor(name).maxKeys()));
    }

    @Bean
    @ConditionalOnMissingBean(name = "rateLimiterStartupInstances")
    StartupInstances rateLimiterStartupInstances(PatternConfigs<RateLimiterConfig> rateLimiterConfigs,
            InstanceRegistry<RateLimiter> rateLimiterRegistry) {
        return new StartupInstances(rateLimiterConfigs, rateLimiterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "retryConfigs")
    PatternConfigs<RetryConfig> retryConfigs(RetryProperties properties, Environment environment,
            ResourceLoader resourceLoader) {
        return new LayeredPatternConfigs<>(new RetryMapping(resourceLoader.getClassLoader()), properties,
                Binder.get(environment));
    }

    /**
     * Retry annotations take no key, so the registry holds keyed instances only for names with an
     * {@link dev.resilience.spring.config.InstanceSource} (the outbound HTTP client's per-host retries).
     */
    @Bean
    @ConditionalOnMissingBean(name = "retryRegistry")
    InstanceRegistry<Retry> retryRegistry(PatternConfigs<RetryConfig> retryConfigs, TimeSource timeSource,
            Scheduler scheduler) {
        return new InstanceRegistry<>(
                id -> Retry.of(id.displayName(), retryConfigs.configFor(id), timeSource, scheduler),
                name -> retryConfigs.sourcedMaxKeys(name).orElse(UNKEYED_MAX_KEYS));
    }

    @Bean
    @ConditionalOnMissingBean(name = "retryStartupInstances")
    StartupInstances retryStartupInstances(PatternConfigs<RetryConfig> retryConfigs,
            InstanceRegistry<Retry> retryRegistry) {
        return new StartupInstances(retryConfigs, retryRegistry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "timeoutConfigs")
    PatternConfigs<TimeoutConfig> timeoutConfigs(TimeoutProperties properties, Environment environment) {
        return new LayeredPatternConfigs<>(new TimeoutMapping(), properties, Binder.get(environment));
    }

    /** Timeouts have no key, so only names with an instance source hold keyed instances. */
    @Bean
    @ConditionalOnMissingBean(name = "timeoutRegistry")
    InstanceRegistry<Timeout> timeoutRegistry(PatternConfigs<TimeoutConfig> timeoutConfigs, TimeSource timeSource,
            Scheduler scheduler) {
        return new InstanceRegistry<>(
                id -> Timeout.of(id.displayName(), timeoutConfigs.configFor(id), timeSource, scheduler),
                name -> timeoutConfigs.sourcedMaxKeys(name).orElse(UNKEYED_MAX_KEYS));
    }

    @Bean
    @ConditionalOnMissingBean(name = "timeoutStartupInstances")
    StartupInstances timeoutStartupInstances(PatternConfigs<TimeoutConfig> timeoutConfigs,
            InstanceRegistry<Timeout> timeoutRegistry) {
        return new StartupInstances(timeoutConfigs, timeoutRegistry);
    }
}
