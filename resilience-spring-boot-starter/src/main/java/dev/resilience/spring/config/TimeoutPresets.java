package dev.resilience.spring.config;

import java.util.Map;

/**
 * The built-in timeout presets: each is above the same preset's circuit breaker
 * {@code slow-call-duration-threshold}, so that a call is counted slow well before it is cut off.
 * {@code cancel-running} and {@code writable-stack-trace} are left to {@code defaults}. A user preset of
 * the same name extends (and may override) one of these.
 *
 * <table>
 * <caption>Built-in presets</caption>
 * <tr><th>key</th><th>built-in default</th><th>internal-service</th><th>database</th><th>upstream-http</th><th>external-api</th></tr>
 * <tr><td>duration</td><td>1s</td><td>2s</td><td>5s</td><td>10s</td><td>15s</td></tr>
 * </table>
 */
final class TimeoutPresets {

    /** Preset name to kebab-case key and value, as written in yml. */
    static final Map<String, Map<String, Object>> BUILT_IN = Map.of(
            "internal-service", Map.of("duration", "2s"),
            "database", Map.of("duration", "5s"),
            "upstream-http", Map.of("duration", "10s"),
            "external-api", Map.of("duration", "15s"));

    private TimeoutPresets() {
    }
}
