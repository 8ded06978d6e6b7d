package dev.resilience.spring.actuate;

import dev.resilience.event.ResilienceEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns core values into the plain JSON-ready values the endpoint returns. Stateless. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * One event: {@code type}, {@code timestamp} (ISO-8601) and the event's own details. Details hold
     * exception class names, and a {@code message} only when {@code resilience.events.include-messages}
     * made the instance's events carry it.
     *
     * @param event the event
     * @return a new ordered map
     */
    static Map<String, Object> event(ResilienceEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", event.type().name());
        json.put("timestamp", event.timestamp().toString());
        json.putAll(event.details());
        return json;
    }

    /**
     * A configuration map with durations as ISO-8601 strings ({@code PT1M}) and enums by name; other
     * values, and the order of keys, stay as they are.
     *
     * @param config a view's configuration map
     * @return a new ordered map
     */
    static Map<String, Object> config(Map<String, Object> config) {
        Map<String, Object> json = new LinkedHashMap<>();
        config.forEach((key, value) -> json.put(key, value(value)));
        return json;
    }

    private static Object value(Object value) {
        if (value instanceof Duration duration) {
            return duration.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonValues::value).toList();
        }
        return value;
    }
}
