package dev.resilience.event;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a configuration switch into a {@link ConfigChangedEvent}: the shared piece every pattern's
 * {@code reconfigure} uses. Compares the two configurations' {@code asMap()} views key by key and publishes
 * the settings that differ, with JSON-ready values (durations as ISO-8601 strings such as {@code PT1M},
 * enums by name). Nothing is published when nothing differs or nobody subscribed to
 * {@link EventType#CONFIG_CHANGED}. Stateless and thread safe.
 */
public final class ConfigChanges {

    /** The principal of a change whose origin is not known. */
    public static final String ANONYMOUS = "anonymous";

    private ConfigChanges() {
    }

    /**
     * Publishes the difference between two configurations, if there is one.
     *
     * @param events the instance's publisher
     * @param instanceName the instance, {@code name} or {@code name[key]}
     * @param epochMillis when the change was applied
     * @param principal who made it
     * @param before the old configuration's values, camelCase keys
     * @param after the new configuration's values, the same keys
     * @return the event published, or {@code null} if none was
     */
    public static ConfigChangedEvent publish(EventPublisher<?> events, String instanceName, long epochMillis,
            String principal, Map<String, Object> before, Map<String, Object> after) {
        Objects.requireNonNull(principal, "principal");
        if (!events.wants(EventType.CONFIG_CHANGED)) {
            return null;
        }
        Map<String, Object> oldValues = new LinkedHashMap<>();
        Map<String, Object> newValues = new LinkedHashMap<>();
        after.forEach((key, value) -> {
            Object old = json(before.get(key));
            Object now = json(value);
            if (!Objects.equals(old, now)) {
                oldValues.put(key, old);
                newValues.put(key, now);
            }
        });
        if (newValues.isEmpty()) {
            return null;
        }
        ConfigChangedEvent event = new ConfigChangedEvent(instanceName, epochMillis, principal, oldValues, newValues);
        events.publishConfigChange(event);
        return event;
    }

    /**
     * A configuration value as JSON-ready data: durations as ISO-8601 strings, enums by name, lists element
     * by element; other values as they are.
     *
     * @param value the value
     * @return the JSON-ready value
     */
    public static Object json(Object value) {
        if (value instanceof Duration duration) {
            return duration.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigChanges::json).toList();
        }
        return value;
    }
}
