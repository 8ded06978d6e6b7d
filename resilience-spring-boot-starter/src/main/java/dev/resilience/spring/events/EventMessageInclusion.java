package dev.resilience.spring.events;

import dev.resilience.event.EventSource;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.registry.RegistryListener;
import java.util.Objects;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Applies {@code resilience.events.include-messages} to every instance of every {@code InstanceRegistry}
 * bean, keyed ones included: when it is true, each instance's publisher is told to include exception
 * messages ({@link dev.resilience.event.EventPublisher#includeMessages(boolean)}), so that every consumer
 * of its events (the endpoint, application event listeners, the log) sees the same events. When it is
 * false nothing is done: publishers leave messages out by default.
 *
 * <p>Runs once, after every singleton is created, like {@link RegistryEventSubscriptions}; an instance
 * created later is set as it is added. Until then an instance's events carry no message, the safe side.
 */
public final class EventMessageInclusion implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;
    private final boolean includeMessages;

    /**
     * Creates the policy; it acts in {@link #afterSingletonsInstantiated()}.
     *
     * @param beans where the registries are found
     * @param includeMessages the value of {@code resilience.events.include-messages}
     */
    public EventMessageInclusion(ListableBeanFactory beans, boolean includeMessages) {
        this.beans = Objects.requireNonNull(beans, "beans");
        this.includeMessages = includeMessages;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!includeMessages) {
            return;
        }
        for (InstanceRegistry<?> registry : beans.getBeansOfType(InstanceRegistry.class, false, false).values()) {
            registry.addListener(Including.INSTANCE);
        }
    }

    /** Turns messages on for each instance added; stateless, so one listener serves every registry. */
    private enum Including implements RegistryListener<Object> {
        INSTANCE;

        @Override
        public void onAdded(InstanceId id, Object instance) {
            if (instance instanceof EventSource source) {
                source.events().includeMessages(true);
            }
        }
    }
}
