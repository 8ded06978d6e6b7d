package dev.resilience.spring.autoconfigure;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.aop.CircuitBreakerLayer;
import dev.resilience.spring.aop.LayerFactory;
import dev.resilience.spring.aop.ResilienceAdvisor;
import dev.resilience.spring.aop.ResilienceProxyRegistrar;
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
}
