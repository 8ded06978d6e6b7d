package dev.resilience.spring.autoconfigure;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.spring.actuate.BulkheadView;
import dev.resilience.spring.actuate.CircuitBreakerView;
import dev.resilience.spring.actuate.InstanceFields;
import dev.resilience.spring.actuate.InstanceView;
import dev.resilience.spring.actuate.PatternSection;
import dev.resilience.spring.actuate.RateLimiterView;
import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.spring.actuate.RetryView;
import dev.resilience.spring.actuate.TimeoutView;
import dev.resilience.spring.config.LiveReconfiguration;
import dev.resilience.spring.config.ResilienceProperties;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code resilience} Actuator endpoint. Backs off without Actuator on the classpath and when the
 * endpoint is not available (not exposed, or {@code management.endpoint.resilience.access=none}).
 * A pattern shows as an empty section until both its {@link InstanceView} bean and its
 * {@code InstanceRegistry} bean exist; a new pattern adds one view class and one {@code @Bean} here.
 */
@AutoConfiguration(afterName = { "dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration",
        "dev.resilience.spring.autoconfigure.ResilienceLiveAutoConfiguration" })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(ResilienceEndpoint.class)
public final class ResilienceEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerView circuitBreakerView(ObjectProvider<InstanceFields<CircuitBreaker>> extraFields) {
        return new CircuitBreakerView(extraFields.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    BulkheadView bulkheadView() {
        return new BulkheadView();
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimiterView rateLimiterView() {
        return new RateLimiterView();
    }

    @Bean
    @ConditionalOnMissingBean
    ResilienceEndpoint resilienceEndpoint(ObjectProvider<InstanceView<?>> views, ListableBeanFactory beans,
            ObjectProvider<ResilienceProperties> properties, ObjectProvider<LiveReconfiguration> live) {
        boolean includeSuccesses = properties.stream().anyMatch(p -> p.getEvents().isIncludeSuccesses());
        LiveReconfiguration reconfiguration = live.getIfUnique();
        List<PatternSection<?>> sections = views.orderedStream()
                .<PatternSection<?>>flatMap(view -> bind(view, beans, includeSuccesses, reconfiguration).stream())
                .toList();
        return new ResilienceEndpoint(sections);
    }

    private static <T> Optional<PatternSection<T>> bind(InstanceView<T> view, ListableBeanFactory beans,
            boolean includeSuccesses, LiveReconfiguration live) {
        return PatternRegistries.find(beans, view.instanceType())
                .map(registry -> PatternSection.bind(view, registry, includeSuccesses, live));
    }

    @Bean
    @ConditionalOnMissingBean
    RetryView retryView() {
        return new RetryView();
    }

    @Bean
    @ConditionalOnMissingBean
    TimeoutView timeoutView() {
        return new TimeoutView();
    }
}
