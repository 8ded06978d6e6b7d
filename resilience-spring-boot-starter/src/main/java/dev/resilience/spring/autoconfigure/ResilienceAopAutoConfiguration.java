package dev.resilience.spring.autoconfigure;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.fallback.FallbackHandler;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.spring.aop.BulkheadLayer;
import dev.resilience.spring.aop.CircuitBreakerLayer;
import dev.resilience.spring.aop.FallbackLayer;
import dev.resilience.spring.aop.LayerFactory;
import dev.resilience.spring.aop.RateLimiterLayer;
import dev.resilience.spring.aop.ResilienceAdvisor;
import dev.resilience.spring.aop.ResilienceProxyRegistrar;
import dev.resilience.spring.aop.RetryLayer;
import dev.resilience.spring.aop.TimeoutLayer;
import dev.resilience.spring.config.PatternConfigs;
import dev.resilience.spring.context.ContextPropagator;
import dev.resilience.time.Scheduler;
import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutConfig;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;

/**
 * Intercepts methods annotated with the resilience annotations: one {@link ResilienceAdvisor} and one
 * {@link LayerFactory} bean per supported pattern. Off with {@code resilience.enabled=false}, which makes
 * the annotations no-ops. Every bean here is infrastructure and touches no optional type.
 *
 * <p>A pattern plugs in with one {@code @Bean} here: its {@code LayerFactory}, named
 * {@code <pattern>LayerFactory} and conditional on that name (an application or a test replaces it by
 * defining a bean of the same name; a second factory for the same annotation fails startup).
 */
@AutoConfiguration(afterName = "dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
@Import(ResilienceProxyRegistrar.class)
public final class ResilienceAopAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ResilienceAdvisor resilienceAdvisor(ObjectProvider<LayerFactory<?>> layerFactories) {
        return new ResilienceAdvisor(layerFactories.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(name = "circuitBreakerLayerFactory")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static CircuitBreakerLayer.Factory circuitBreakerLayerFactory(
            ObjectProvider<InstanceRegistry<CircuitBreaker>> circuitBreakerRegistry) {
        return new CircuitBreakerLayer.Factory(circuitBreakerRegistry::getObject);
    }

    @Bean
    @ConditionalOnMissingBean(name = "bulkheadLayerFactory")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BulkheadLayer.Factory bulkheadLayerFactory(ObjectProvider<InstanceRegistry<Bulkhead>> bulkheadRegistry,
            ObjectProvider<ContextPropagator> contextPropagator) {
        return new BulkheadLayer.Factory(bulkheadRegistry::getObject, propagator(contextPropagator));
    }

    @Bean
    @ConditionalOnMissingBean(name = "rateLimiterLayerFactory")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static RateLimiterLayer.Factory rateLimiterLayerFactory(ObjectProvider<InstanceRegistry<RateLimiter>> rateLimiterRegistry,
            ObjectProvider<ContextPropagator> contextPropagator) {
        return new RateLimiterLayer.Factory(rateLimiterRegistry::getObject, propagator(contextPropagator));
    }

    @Bean
    @ConditionalOnMissingBean(name = "retryLayerFactory")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static RetryLayer.Factory retryLayerFactory(ObjectProvider<InstanceRegistry<Retry>> retryRegistry,
            ObjectProvider<Scheduler> scheduler, ObjectProvider<ContextPropagator> contextPropagator) {
        return new RetryLayer.Factory(retryRegistry::getObject, scheduler::getObject, propagator(contextPropagator));
    }

    @Bean
    @ConditionalOnMissingBean(name = "timeoutLayerFactory")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TimeoutLayer.Factory timeoutLayerFactory(ObjectProvider<InstanceRegistry<Timeout>> timeoutRegistry,
            ObjectProvider<PatternConfigs<TimeoutConfig>> timeoutConfigs, ObjectProvider<ContextPropagator> contextPropagator) {
        return new TimeoutLayer.Factory(timeoutRegistry::getObject, timeoutConfigs::getObject, propagator(contextPropagator));
    }

    /** Handlers are looked up lazily, when the first method naming one is validated at startup. */
    @Bean
    @ConditionalOnMissingBean(name = "fallbackLayerFactory")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static FallbackLayer.Factory fallbackLayerFactory(ObjectProvider<BeanFactory> beanFactory,
            ObjectProvider<ContextPropagator> contextPropagator) {
        return new FallbackLayer.Factory(type -> fallbackHandler(beanFactory.getObject(), type),
                propagator(contextPropagator));
    }

    /**
     * The application's propagator bean, else the one this classpath supports. The factories are static
     * infrastructure beans created early, so the bean is looked up without forcing its creation order.
     */
    private static ContextPropagator propagator(ObjectProvider<ContextPropagator> contextPropagator) {
        return contextPropagator.getIfAvailable(
                () -> ContextPropagator.detect(ResilienceAopAutoConfiguration.class.getClassLoader()));
    }

    private static FallbackHandler fallbackHandler(BeanFactory beans, Class<? extends FallbackHandler> type) {
        FallbackHandler bean = beans.getBeanProvider(type).getIfAvailable();
        return bean != null ? bean : BeanUtils.instantiateClass(type);
    }
}
