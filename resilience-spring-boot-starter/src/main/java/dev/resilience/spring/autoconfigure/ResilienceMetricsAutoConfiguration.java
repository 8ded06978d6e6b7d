package dev.resilience.spring.autoconfigure;

import dev.resilience.spring.metrics.BulkheadMeters;
import dev.resilience.spring.metrics.CircuitBreakerMeters;
import dev.resilience.spring.metrics.InstanceMeters;
import dev.resilience.spring.metrics.RateLimiterMeters;
import dev.resilience.spring.metrics.ResilienceMeterBinder;
import dev.resilience.spring.metrics.RetryMeters;
import dev.resilience.spring.metrics.TimeoutMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Micrometer meters of every instance ({@code resilience.*}). Backs off without Micrometer and Boot's
 * metrics support on the classpath, and without a {@link MeterRegistry} bean; single meters are turned
 * off the usual way ({@code management.metrics.enable.resilience=false}). A pattern is metered once both
 * its {@link InstanceMeters} bean and its {@code InstanceRegistry} bean exist; a new pattern adds one
 * meters class and one {@code @Bean} here.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class },
        afterName = "dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MetricsAutoConfiguration.class })
@ConditionalOnBean(MeterRegistry.class)
public final class ResilienceMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerMeters circuitBreakerMeters() {
        return new CircuitBreakerMeters();
    }

    @Bean
    @ConditionalOnMissingBean
    BulkheadMeters bulkheadMeters() {
        return new BulkheadMeters();
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimiterMeters rateLimiterMeters() {
        return new RateLimiterMeters();
    }

    @Bean
    @ConditionalOnMissingBean
    ResilienceMeterBinder resilienceMeterBinder(ObjectProvider<InstanceMeters<?>> meters, ListableBeanFactory beans) {
        List<ResilienceMeterBinder.Binding<?>> bindings = meters.orderedStream()
                .<ResilienceMeterBinder.Binding<?>>flatMap(each -> bind(each, beans).stream())
                .toList();
        return new ResilienceMeterBinder(bindings);
    }

    private static <T> Optional<ResilienceMeterBinder.Binding<T>> bind(InstanceMeters<T> meters, ListableBeanFactory beans) {
        return PatternRegistries.find(beans, meters.instanceType())
                .map(registry -> new ResilienceMeterBinder.Binding<>(meters, registry));
    }

    @Bean
    @ConditionalOnMissingBean
    RetryMeters retryMeters() {
        return new RetryMeters();
    }

    @Bean
    @ConditionalOnMissingBean
    TimeoutMeters timeoutMeters() {
        return new TimeoutMeters();
    }
}
