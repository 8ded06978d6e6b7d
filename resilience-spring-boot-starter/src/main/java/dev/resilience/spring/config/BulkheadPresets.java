package dev.resilience.spring.config;

import java.util.Map;

/**
 * The built-in bulkhead presets, named like the other patterns' presets so that {@code preset: database}
 * means the same kind of dependency everywhere. Each sets the slots, the queue and the wait together;
 * {@code max-keys} and {@code writable-stack-trace} are left to {@code defaults}. A user preset of the same
 * name extends (and may override) one of these.
 *
 * <table>
 * <caption>Built-in presets</caption>
 * <tr><th>key</th><th>built-in default</th><th>internal-service</th><th>database</th><th>upstream-http</th><th>external-api</th></tr>
 * <tr><td>max-concurrent-calls</td><td>25</td><td>50</td><td>10</td><td>25</td><td>10</td></tr>
 * <tr><td>max-queue-size</td><td>0</td><td>25</td><td>20</td><td>10</td><td>0</td></tr>
 * <tr><td>max-wait-duration</td><td>0</td><td>100ms</td><td>500ms</td><td>250ms</td><td>0</td></tr>
 * </table>
 *
 * <ul>
 * <li>{@code internal-service}: fast calls within the system; many slots and a short queue absorb bursts
 *     without holding callers long.</li>
 * <li>{@code database}: matches a typical connection pool of 10 (HikariCP's default), so the bulkhead
 *     rejects before callers pile up on the pool; a queue with half a second's wait rides out short spikes.</li>
 * <li>{@code upstream-http}: another team's service; a small queue with a short wait.</li>
 * <li>{@code external-api}: a slow, billed third party; few slots and no queue, so threads are never parked
 *     behind it and overload shows at once.</li>
 * </ul>
 */
final class BulkheadPresets {

    /** Preset name to its values, kebab-case keys relative to an instance; unmodifiable. */
    static final Map<String, Map<String, Object>> BUILT_IN = Map.of(
            "internal-service", preset(50, 25, "100ms"),
            "database", preset(10, 20, "500ms"),
            "upstream-http", preset(25, 10, "250ms"),
            "external-api", preset(10, 0, "0s"));

    private BulkheadPresets() {
    }

    private static Map<String, Object> preset(int maxConcurrentCalls, int maxQueueSize, String maxWaitDuration) {
        return Map.of("max-concurrent-calls", maxConcurrentCalls, "max-queue-size", maxQueueSize,
                "max-wait-duration", maxWaitDuration);
    }
}
