package dev.resilience.spring.healthcheck;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a breaker's health check last concluded, as shown in the {@code resilience} endpoint under
 * {@code healthCheck}. Immutable.
 *
 * @param status {@code UNKNOWN} before the thresholds were first reached, then {@code UP} or {@code DOWN}
 * @param source what is checked, e.g. {@code url http://db:8080/health}
 * @param sinceEpochMillis when the status last changed (for {@code UNKNOWN}: when polling started)
 * @param detail what the last check saw, e.g. {@code HTTP 503}; {@code null} before the first check
 */
public record HealthCheckStatus(String status, String source, long sinceEpochMillis, String detail) {

    /** Before the first conclusion. */
    static final String UNKNOWN = "UNKNOWN";
    /** Healthy: a held breaker was released. */
    static final String UP = "UP";
    /** Unhealthy: the breaker is held OPEN. */
    static final String DOWN = "DOWN";

    /**
     * @return {@code status}, {@code source}, {@code since} (ISO-8601) and {@code detail} (when known), for JSON
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status);
        map.put("source", source);
        map.put("since", Instant.ofEpochMilli(sinceEpochMillis).toString());
        if (detail != null) {
            map.put("detail", detail);
        }
        return map;
    }
}
