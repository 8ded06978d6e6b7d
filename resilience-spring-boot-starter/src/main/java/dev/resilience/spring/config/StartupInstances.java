package dev.resilience.spring.config;

import dev.resilience.registry.InstanceRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Creates the instances declared under {@code resilience.<pattern>.instances} once the context has been
 * refreshed, so that their metrics and endpoint entries exist before the first call. It waits for the
 * refresh (rather than running when the registry bean is created) so that annotation layers registered
 * while beans are created and proxied are part of those instances' configurations.
 *
 * <p>Creating an instance twice is harmless (the registry returns the existing one), so a refresh event
 * from a child context does no damage.
 */
public final class StartupInstances implements ApplicationListener<ContextRefreshedEvent> {

    private final PatternConfigs<?> configs;
    private final InstanceRegistry<?> registry;

    /**
     * Creates the listener.
     *
     * @param configs the pattern's configurations, for the declared names
     * @param registry the pattern's registry
     */
    public StartupInstances(PatternConfigs<?> configs, InstanceRegistry<?> registry) {
        this.configs = configs;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        configs.declaredInstances().forEach(registry::get);
    }
}
