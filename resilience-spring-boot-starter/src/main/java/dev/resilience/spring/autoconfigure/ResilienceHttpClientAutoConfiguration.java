package dev.resilience.spring.autoconfigure;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusResolver;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.config.BulkheadMapping;
import dev.resilience.spring.config.BulkheadProperties;
import dev.resilience.spring.config.CircuitBreakerMapping;
import dev.resilience.spring.config.CircuitBreakerProperties;
import dev.resilience.spring.config.HttpClientProperties;
import dev.resilience.spring.config.LayeredPatternConfigs;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.spring.config.RetryMapping;
import dev.resilience.spring.config.RetryProperties;
import dev.resilience.spring.http.client.HttpClientInstances;
import dev.resilience.spring.http.client.HttpClientSources;
import dev.resilience.spring.http.client.ResilienceClientHttpRequestInterceptor;
import dev.resilience.spring.http.client.ResilienceExchangeFilterFunction;
import dev.resilience.time.Scheduler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The outbound HTTP client (issue 9): with {@code resilience.http.client.enabled: true}, every
 * {@code RestClient} built from Boot's {@code RestClient.Builder} (and, where WebFlux is present, every
 * {@code WebClient} from Boot's builder) passes each request through a circuit breaker, bulkhead and retry
 * of its host, instances {@code http-client[<host>]} of the starter's registries, configured under
 * {@code resilience.http.client.*}. The properties are always bound (unknown keys fail startup); the beans
 * exist only when enabled, and each client kind only when its classes are on the classpath, so spring-web
 * and WebFlux types never appear in a bean that always loads.
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class)
@EnableConfigurationProperties(HttpClientProperties.class)
public final class ResilienceHttpClientAutoConfiguration {

    /** The per-host instances and their configurations; needs no HTTP client class. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(HttpClientProperties.PREFIX + ".enabled")
    static final class Instances {

        /**
         * Validates {@code resilience.http.client.*} and registers its per-host configurations with the
         * registries' configurations, before any {@code http-client} instance exists.
         */
        @Bean
        @ConditionalOnMissingBean
        HttpClientInstances resilienceHttpClientInstances(HttpClientProperties properties,
                CircuitBreakerProperties breakerProperties, BulkheadProperties bulkheadProperties,
                RetryProperties retryProperties, StatusResolver statusResolver, Environment environment,
                ResourceLoader resourceLoader, PatternConfigs<CircuitBreakerConfig> circuitBreakerConfigs,
                PatternConfigs<BulkheadConfig> bulkheadConfigs, PatternConfigs<RetryConfig> retryConfigs,
                InstanceRegistry<CircuitBreaker> circuitBreakerRegistry, InstanceRegistry<Bulkhead> bulkheadRegistry,
                InstanceRegistry<Retry> retryRegistry) {
            Binder binder = Binder.get(environment);
            ClassLoader classLoader = resourceLoader.getClassLoader();
            HttpClientSources.register(properties,
                    new LayeredPatternConfigs<>(new CircuitBreakerMapping(statusResolver, classLoader), breakerProperties, binder),
                    new LayeredPatternConfigs<>(new BulkheadMapping(), bulkheadProperties, binder),
                    new LayeredPatternConfigs<>(new RetryMapping(classLoader), retryProperties, binder),
                    circuitBreakerConfigs, bulkheadConfigs, retryConfigs);
            return new HttpClientInstances(circuitBreakerRegistry, bulkheadRegistry, retryRegistry, properties);
        }
    }

    /** The {@code RestClient} interceptor, where Boot's RestClient support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
    @ConditionalOnBooleanProperty(HttpClientProperties.PREFIX + ".enabled")
    static final class RestClientInterception {

        /** Adds the interceptor to every builder Boot hands out. */
        @Bean
        @ConditionalOnMissingBean(name = "resilienceRestClientCustomizer")
        RestClientCustomizer resilienceRestClientCustomizer(HttpClientInstances resilienceHttpClientInstances) {
            ResilienceClientHttpRequestInterceptor interceptor =
                    new ResilienceClientHttpRequestInterceptor(resilienceHttpClientInstances);
            return builder -> builder.requestInterceptor(interceptor);
        }
    }

    /** The {@code WebClient} filter, where WebFlux, Reactor and Boot's WebClient support are present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ WebClient.class, WebClientCustomizer.class, Mono.class })
    @ConditionalOnBooleanProperty(HttpClientProperties.PREFIX + ".enabled")
    static final class WebClientFiltering {

        /** Adds the filter to every builder Boot hands out; retry waits run on the library's scheduler. */
        @Bean
        @ConditionalOnMissingBean(name = "resilienceWebClientCustomizer")
        WebClientCustomizer resilienceWebClientCustomizer(HttpClientInstances resilienceHttpClientInstances,
                Scheduler scheduler) {
            ResilienceExchangeFilterFunction filter =
                    new ResilienceExchangeFilterFunction(resilienceHttpClientInstances, scheduler);
            return builder -> builder.filter(filter);
        }
    }
}
