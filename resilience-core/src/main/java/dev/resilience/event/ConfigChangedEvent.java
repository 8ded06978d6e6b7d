package dev.resilience.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An instance's configuration was changed at runtime (for instance by an operator through the
 * {@code resilience} endpoint). Only changed values are listed. Immutable.
 *
 * @param instanceName the instance, {@code name} or {@code name[key]}
 * @param epochMillis when the change was applied
 * @param principal who made it ({@code "anonymous"} when unknown)
 * @param oldValues the changed settings before, camelCase keys, JSON-ready values
 * @param newValues the same settings after
 */
public record ConfigChangedEvent(String instanceName, long epochMillis, String principal,
        Map<String, Object> oldValues, Map<String, Object> newValues) implements ResilienceEvent {

    /** Copies the maps (keeping their order), so the event cannot change after it is made. */
    public ConfigChangedEvent {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(principal, "principal");
        oldValues = Collections.unmodifiableMap(new LinkedHashMap<>(oldValues));
        newValues = Collections.unmodifiableMap(new LinkedHashMap<>(newValues));
    }

    @Override
    public EventType type() {
        return EventType.CONFIG_CHANGED;
    }

    /** @return {@code principal}, {@code old} and {@code new} (maps of the changed settings) */
    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("principal", principal);
        details.put("old", oldValues);
        details.put("new", newValues);
        return details;
    }
}
