package dev.resilience.spring.autoconfigure;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.spring.http.server.HttpServerInstances;
import dev.resilience.spring.http.server.HttpServerProperties;
import dev.resilience.spring.http.server.HttpServerWebMvcConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Inbound HTTP protection per endpoint for Spring MVC ({@code resilience.http.server}). In a servlet web
 * application with Spring MVC, the {@code resilience.http.server} properties are always bound (so unknown
 * keys fail startup); the interceptor is registered only with {@code resilience.http.server.enabled=true}
 * (and {@code resilience.enabled} not false). It uses the starter's bulkhead and rate limiter registries,
 * so the endpoint, health and metrics show the per-endpoint instances without code of their own.
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ WebMvcConfigurer.class, RequestMappingHandlerAdapter.class })
@EnableConfigurationProperties(HttpServerProperties.class)
public final class ResilienceHttpServerAutoConfiguration {

    /** The interceptor, only when switched on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(HttpServerProperties.PREFIX + ".enabled")
    static class Interception {

        @Bean
        @ConditionalOnMissingBean
        HttpServerWebMvcConfigurer resilienceHttpServerWebMvcConfigurer(HttpServerProperties properties,
                PatternConfigs<BulkheadConfig> bulkheadConfigs, PatternConfigs<RateLimiterConfig> rateLimiterConfigs,
                InstanceRegistry<RateLimiter> rateLimiterRegistry, InstanceRegistry<Bulkhead> bulkheadRegistry,
                ObjectProvider<RequestMappingHandlerAdapter> handlerAdapters) {
            HttpServerInstances.register(properties, bulkheadConfigs, rateLimiterConfigs);
            return new HttpServerWebMvcConfigurer(properties, rateLimiterRegistry, bulkheadRegistry,
                    () -> handlerAdapters.orderedStream().findFirst().orElseThrow().getMessageConverters());
        }
    }
}
