package dev.resilience.spring.events;

import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventSource;
import dev.resilience.event.ResilienceEvent;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.registry.RegistryListener;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Subscribes every {@link ResilienceEventSink} to every instance of every {@code InstanceRegistry} bean,
 * whatever its pattern: instances that exist when the context has started (those declared under
 * {@code instances}) and every instance created later, keyed ones included. A pattern added to the
 * starter is covered as soon as its registry is a bean and its instance type is an {@link EventSource}.
 *
 * <p>Runs once, after every singleton is created, so that no registry or sink is missed. A sink is
 * subscribed only to the event types it names.
 */
public final class RegistryEventSubscriptions implements SmartInitializingSingleton {

    private static final ClassValue<String> KINDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return kindOf(type);
        }
    };

    private final ListableBeanFactory beans;
    private final List<ResilienceEventSink> sinks;

    /**
     * Creates the subscriber; it acts in {@link #afterSingletonsInstantiated()}.
     *
     * @param beans where the registries are found
     * @param sinks the sinks to subscribe
     */
    public RegistryEventSubscriptions(ListableBeanFactory beans, List<ResilienceEventSink> sinks) {
        this.beans = Objects.requireNonNull(beans, "beans");
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (sinks.isEmpty()) {
            return;
        }
        for (InstanceRegistry<?> registry : beans.getBeansOfType(InstanceRegistry.class, false, false).values()) {
            for (ResilienceEventSink sink : sinks) {
                registry.addListener(new SinkSubscriber(sink));
            }
        }
    }

    /**
     * The pattern of an instance type: the simple name of the first interface in its hierarchy that
     * extends {@link EventSource} ({@code CircuitBreaker} for a {@code DefaultCircuitBreaker}).
     */
    static String kindOf(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> candidate : current.getInterfaces()) {
                if (candidate != EventSource.class && EventSource.class.isAssignableFrom(candidate)) {
                    return candidate.getSimpleName();
                }
            }
        }
        return type.getSimpleName();
    }

    private record SinkSubscriber(ResilienceEventSink sink) implements RegistryListener<Object> {

        @Override
        public void onAdded(InstanceId id, Object instance) {
            if (instance instanceof EventSource source) {
                String kind = KINDS.get(instance.getClass());
                Consumer<ResilienceEvent> consumer = event -> sink.accept(kind, event);
                EventPublisher<? extends ResilienceEvent> events = source.events();
                events.subscribeAny(sink.eventTypes(), consumer);
            }
        }
    }
}
