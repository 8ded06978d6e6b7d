package dev.resilience.spring.actuate;

import dev.resilience.event.EventPublisher.Subscription;
import dev.resilience.event.EventType;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.LiveReconfiguration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pattern's part of the {@code resilience} endpoint: an {@link InstanceView} bound to the pattern's
 * registry, with the {@link RecentEvents} of every instance. Creating a section subscribes to the events
 * of every instance the registry has and will create; eviction ends the subscription and drops the
 * events.
 *
 * <p>Configuration changes ({@code CONFIG_CHANGED}) are kept like any other event, whichever way they were
 * made (this endpoint, an environment refresh, code calling {@code reconfigure}).
 *
 * <p>Successes are not kept unless asked for: with nobody subscribed to {@link EventType#SUCCESS}, the
 * core allocates nothing on a successful call.
 *
 * <p>Thread safe.
 *
 * @param <T> the instance type
 */
public final class PatternSection<T> {

    private final InstanceView<T> view;
    private final InstanceRegistry<T> registry;
    private final LiveReconfiguration live;
    private final InstanceAttachments<T, Recorder> recorders;

    private PatternSection(InstanceView<T> view, InstanceRegistry<T> registry, LiveReconfiguration live,
            Set<EventType> recorded) {
        this.view = view;
        this.registry = registry;
        this.live = live;
        this.recorders = new InstanceAttachments<>((id, instance) -> Recorder.subscribe(view, instance, recorded),
                Recorder::stop);
        registry.addListener(recorders);
    }

    /**
     * Binds a view to its registry and starts keeping events; {@code configure} is not supported.
     *
     * @param view the pattern's view
     * @param registry the pattern's registry
     * @param includeSuccesses whether {@link EventType#SUCCESS} events are kept too
     * @param <T> the instance type
     * @return the section
     */
    public static <T> PatternSection<T> bind(InstanceView<T> view, InstanceRegistry<T> registry, boolean includeSuccesses) {
        return bind(view, registry, includeSuccesses, null);
    }

    /**
     * Binds a view to its registry and starts keeping events; {@code configure} goes through {@code live}.
     *
     * @param view the pattern's view
     * @param registry the pattern's registry
     * @param includeSuccesses whether {@link EventType#SUCCESS} events are kept too
     * @param live applies {@code configure}, or {@code null} if it is not supported
     * @param <T> the instance type
     * @return the section
     */
    public static <T> PatternSection<T> bind(InstanceView<T> view, InstanceRegistry<T> registry, boolean includeSuccesses,
            LiveReconfiguration live) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(registry, "registry");
        Set<EventType> recorded = EnumSet.allOf(EventType.class);
        if (!includeSuccesses) {
            recorded.remove(EventType.SUCCESS);
        }
        return new PatternSection<>(view, registry, live, recorded);
    }

    /** @return the pattern shown */
    public PatternType type() {
        return view.type();
    }

    /**
     * Every instance by display name ({@code name} or {@code name[key]}), with its fields.
     *
     * @return a new map ordered by display name
     */
    public Map<String, Object> instances() {
        Map<String, Object> instances = new LinkedHashMap<>();
        registry.all().forEach((id, instance) -> instances.put(id.displayName(), view.fields(instance)));
        return instances;
    }

    /**
     * One instance: its fields, {@code config} and {@code events} (newest first).
     *
     * @param displayName {@code name} or {@code name[key]}
     * @return the description, or empty if there is no such instance
     */
    public Optional<Map<String, Object>> describe(String displayName) {
        InstanceId id = InstanceId.parse(displayName);
        return registry.find(id).map(instance -> describe(id, instance));
    }

    /**
     * Whether an instance exists.
     *
     * @param displayName {@code name} or {@code name[key]}
     * @return {@code true} if the registry holds it
     */
    public boolean contains(String displayName) {
        return registry.find(InstanceId.parse(displayName)).isPresent();
    }

    /** @return the action names, in display order */
    public Set<String> actions() {
        return view.actions().keySet();
    }

    /**
     * Applies an action to one instance.
     *
     * @param displayName {@code name} or {@code name[key]}
     * @param action one of {@link #actions()}
     * @return the instance's description after the action, or empty if there is no such instance
     * @throws IllegalArgumentException if the action is unknown
     */
    public Optional<Map<String, Object>> apply(String displayName, String action) {
        Consumer<T> operation = view.actions().get(action);
        if (operation == null) {
            throw new IllegalArgumentException("unknown action '" + action + "', expected one of " + actions());
        }
        InstanceId id = InstanceId.parse(displayName);
        return registry.find(id).map(instance -> {
            operation.accept(instance);
            return describe(id, instance);
        });
    }

    /**
     * Applies new configuration values to one live instance (the {@code configure} action) through
     * {@link LiveReconfiguration}; the instance publishes the change as a {@code CONFIG_CHANGED} event (kept
     * among its recent events, logged, sent to application listeners). Nothing changes if a value is refused.
     *
     * @param displayName {@code name} or {@code name[key]}
     * @param values camelCase keys of the instance's {@code config} to new values
     * @param principal who asks; {@code "anonymous"} when unauthenticated
     * @return the instance's description after the change, or empty if there is no such instance
     * @throws UnsupportedOperationException if the pattern cannot be reconfigured live
     * @throws IllegalArgumentException for a key that cannot be changed live or a value of the wrong kind
     * @throws dev.resilience.InvalidConfigurationException for a value the pattern's rules refuse
     */
    public Optional<Map<String, Object>> reconfigure(String displayName, Map<String, Object> values, String principal) {
        if (live == null) {
            throw new UnsupportedOperationException("configure is not supported for " + type().segment());
        }
        if (!live.reconfigure(view.instanceType(), displayName, values, principal)) {
            return Optional.empty();
        }
        InstanceId id = InstanceId.parse(displayName);
        return registry.find(id).map(instance -> describe(id, instance));
    }

    private Map<String, Object> describe(InstanceId id, T instance) {
        Map<String, Object> description = new LinkedHashMap<>(view.fields(instance));
        description.put("config", JsonValues.config(view.config(instance)));
        List<Map<String, Object>> events = recorders.get(id, instance)
                .map(recorder -> recorder.events.newestFirst().stream().map(JsonValues::event).toList())
                .orElse(List.of());
        description.put("events", events);
        return description;
    }

    /** The recent events of one instance and the subscription that fills them. */
    private record Recorder(RecentEvents events, Subscription subscription) {

        static <T> Recorder subscribe(InstanceView<T> view, T instance, Set<EventType> recorded) {
            RecentEvents events = new RecentEvents();
            return new Recorder(events, view.events(instance).subscribeAny(recorded, events::add));
        }

        void stop() {
            subscription.cancel();
        }
    }
}
