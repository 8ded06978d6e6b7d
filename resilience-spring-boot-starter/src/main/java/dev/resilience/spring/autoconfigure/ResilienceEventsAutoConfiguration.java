package dev.resilience.spring.autoconfigure;

import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.spring.events.ApplicationEventSink;
import dev.resilience.spring.events.EventMessageInclusion;
import dev.resilience.spring.events.RegistryEventSubscriptions;
import dev.resilience.spring.events.ResilienceEventLogger;
import dev.resilience.spring.events.ResilienceEventSink;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Events beyond the Actuator endpoint: the core events of every instance of every pattern are published
 * as Spring application events ({@code resilience.events.publish}, on by default) and state transitions
 * and retries are logged ({@link ResilienceEventLogger}). Any further {@link ResilienceEventSink} bean of
 * the application is subscribed the same way. Failure events carry exception messages only with
 * {@code resilience.events.include-messages} ({@link EventMessageInclusion}). Needs nothing optional on the
 * classpath.
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class)
public final class ResilienceEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ResilienceEventLogger resilienceEventLogger() {
        return new ResilienceEventLogger();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "resilience.events.publish", matchIfMissing = true)
    ApplicationEventSink resilienceApplicationEventSink(ApplicationEventPublisher publisher) {
        return new ApplicationEventSink(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    RegistryEventSubscriptions resilienceRegistryEventSubscriptions(ListableBeanFactory beans,
            ObjectProvider<ResilienceEventSink> sinks) {
        return new RegistryEventSubscriptions(beans, sinks.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    EventMessageInclusion resilienceEventMessageInclusion(ListableBeanFactory beans,
            ObjectProvider<ResilienceProperties> properties) {
        return new EventMessageInclusion(beans, properties.stream().anyMatch(p -> p.getEvents().isIncludeMessages()));
    }
}
