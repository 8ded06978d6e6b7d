package dev.resilience.spring.config;

import java.util.Map;

/**
 * The built-in rate limiter presets, named like the other patterns' presets so that
 * {@code preset: external-api} means the same kind of dependency everywhere. Each sets the limit, the
 * period and the wait together; {@code max-keys} and {@code writable-stack-trace} are left to
 * {@code defaults}. A user preset of the same name extends (and may override) one of these.
 *
 * <table>
 * <caption>Built-in presets</caption>
 * <tr><th>key</th><th>built-in default</th><th>internal-service</th><th>database</th><th>upstream-http</th><th>external-api</th></tr>
 * <tr><td>limit-for-period</td><td>50</td><td>1000</td><td>200</td><td>100</td><td>10</td></tr>
 * <tr><td>limit-refresh-period</td><td>1s</td><td>1s</td><td>1s</td><td>1s</td><td>1s</td></tr>
 * <tr><td>timeout-duration</td><td>0</td><td>0</td><td>50ms</td><td>100ms</td><td>500ms</td></tr>
 * </table>
 *
 * <ul>
 * <li>{@code internal-service}: a guard against runaway loops rather than a quota; callers never wait.</li>
 * <li>{@code database}: keeps one code path from flooding a shared store; a short wait smooths bursts.</li>
 * <li>{@code upstream-http}: another team's service with an agreed rate; a caller may wait a tenth of a
 *     second for the next period.</li>
 * <li>{@code external-api}: third-party quotas are often about ten requests per second; a caller may wait
 *     half a period rather than fail.</li>
 * </ul>
 */
final class RateLimiterPresets {

    /** Preset name to its values, kebab-case keys relative to an instance; unmodifiable. */
    static final Map<String, Map<String, Object>> BUILT_IN = Map.of(
            "internal-service", preset(1000, "1s", "0s"),
            "database", preset(200, "1s", "50ms"),
            "upstream-http", preset(100, "1s", "100ms"),
            "external-api", preset(10, "1s", "500ms"));

    private RateLimiterPresets() {
    }

    private static Map<String, Object> preset(int limitForPeriod, String limitRefreshPeriod, String timeoutDuration) {
        return Map.of("limit-for-period", limitForPeriod, "limit-refresh-period", limitRefreshPeriod,
                "timeout-duration", timeoutDuration);
    }
}
