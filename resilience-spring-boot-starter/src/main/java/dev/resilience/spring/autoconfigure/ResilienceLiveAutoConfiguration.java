package dev.resilience.spring.autoconfigure;

import dev.resilience.spring.config.EnvironmentRefreshListener;
import dev.resilience.spring.config.LivePattern;
import dev.resilience.spring.config.LiveReconfiguration;
import dev.resilience.spring.config.LiveReconfiguration.LiveInstances;
import dev.resilience.spring.config.PatternConfigs;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Live reconfiguration: the {@link LiveReconfiguration} service (always; the endpoint's {@code configure}
 * action uses it) over every pattern whose registry and configurations are beans, and, when Spring Cloud
 * Context is on the classpath, the {@link EnvironmentRefreshListener} that applies refreshed
 * {@code resilience.*} values to the live instances.
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class)
public final class ResilienceLiveAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LiveReconfiguration resilienceLiveReconfiguration(ListableBeanFactory beans) {
        List<LiveInstances<?, ?, ?>> patterns = LivePattern.ALL.stream()
                .<LiveInstances<?, ?, ?>>flatMap(pattern -> bind(pattern, beans).stream())
                .toList();
        return new LiveReconfiguration(patterns);
    }

    private static <T, C, B> Optional<LiveInstances<T, C, B>> bind(LivePattern<T, C, B> pattern,
            ListableBeanFactory beans) {
        ResolvableType configsType = ResolvableType.forClassWithGenerics(PatternConfigs.class, pattern.configType());
        PatternConfigs<C> configs = beans.<PatternConfigs<C>>getBeanProvider(configsType).getIfUnique();
        return PatternRegistries.find(beans, pattern.instanceType())
                .filter(registry -> configs != null)
                .map(registry -> new LiveInstances<>(pattern, registry, configs));
    }

    /** Spring Cloud Context's environment refresh, when it is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ EnvironmentChangeEvent.class, ConditionalOnClass.class })
    static final class EnvironmentRefreshConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EnvironmentRefreshListener resilienceEnvironmentRefreshListener(LiveReconfiguration live,
                Environment environment) {
            return new EnvironmentRefreshListener(live, environment);
        }
    }
}
