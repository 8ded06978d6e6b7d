package dev.resilience.spring.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in circuit breaker presets, seeded from common practice. Each sets the window, the
 * thresholds and the open wait together, so that a preset never combines with a half-set window from
 * {@code defaults}; exception lists, status codes, {@code max-keys} and {@code writable-stack-trace} are
 * left to {@code defaults}. A user preset of the same name extends (and may override) one of these.
 *
 * <table>
 * <caption>Built-in presets (durations in Spring's Duration syntax)</caption>
 * <tr><th>key</th><th>built-in default</th><th>internal-service</th><th>database</th><th>upstream-http</th><th>external-api</th></tr>
 * <tr><td>sliding-window-type</td><td>COUNT_BASED</td><td>COUNT_BASED</td><td>COUNT_BASED</td><td>TIME_BASED</td><td>TIME_BASED</td></tr>
 * <tr><td>sliding-window-size</td><td>100</td><td>50</td><td>20</td><td>60 (s)</td><td>120 (s)</td></tr>
 * <tr><td>minimum-number-of-calls</td><td>10</td><td>20</td><td>10</td><td>20</td><td>10</td></tr>
 * <tr><td>failure-rate-threshold</td><td>50</td><td>50</td><td>50</td><td>50</td><td>50</td></tr>
 * <tr><td>consecutive-failure-threshold</td><td>0 (off)</td><td>0</td><td>5</td><td>0</td><td>0</td></tr>
 * <tr><td>slow-call-duration-threshold</td><td>60s</td><td>1s</td><td>2s</td><td>5s</td><td>10s</td></tr>
 * <tr><td>slow-call-rate-threshold</td><td>100</td><td>80</td><td>80</td><td>80</td><td>90</td></tr>
 * <tr><td>wait-duration-in-open-state</td><td>60s</td><td>10s</td><td>15s</td><td>30s</td><td>60s</td></tr>
 * <tr><td>open-state-backoff-multiplier</td><td>1.0</td><td>1.0</td><td>1.5</td><td>1.5</td><td>2.0</td></tr>
 * <tr><td>max-wait-duration-in-open-state</td><td>5m</td><td>1m</td><td>2m</td><td>5m</td><td>10m</td></tr>
 * <tr><td>permitted-calls-in-half-open-state</td><td>3</td><td>5</td><td>2</td><td>3</td><td>2</td></tr>
 * <tr><td>success-threshold</td><td>3</td><td>3</td><td>2</td><td>3</td><td>2</td></tr>
 * </table>
 *
 * <ul>
 * <li>{@code internal-service}: a service of the same system on a fast network. Slow from 1s, short open
 *     wait (instances restart quickly), five probes to confirm recovery fast.</li>
 * <li>{@code database}: a connection-pool-backed store. A small window and five failures in a row open it
 *     at once (a refused connection rarely fixes itself within the next calls); two probes, so that a
 *     recovering database is not hammered; backoff 1.5 up to 2 minutes.</li>
 * <li>{@code upstream-http}: another team's HTTP service. A time-based window of one minute copes with
 *     uneven traffic; slow from 5s; 30s open wait, backoff 1.5 up to 5 minutes.</li>
 * <li>{@code external-api}: a third party across the internet, often rate limited and billed. Slower
 *     thresholds (slow from 10s, 90% slow calls), a two-minute window, a longer open wait with backoff 2
 *     up to 10 minutes, and few probes.</li>
 * </ul>
 */
final class CircuitBreakerPresets {

    /** Preset name to its values, kebab-case keys relative to an instance; unmodifiable. */
    static final Map<String, Map<String, Object>> BUILT_IN = Map.of(
            "internal-service", preset("COUNT_BASED", 50, 20, 50, 0, "1s", 80, "10s", 1.0, "1m", 5, 3),
            "database", preset("COUNT_BASED", 20, 10, 50, 5, "2s", 80, "15s", 1.5, "2m", 2, 2),
            "upstream-http", preset("TIME_BASED", 60, 20, 50, 0, "5s", 80, "30s", 1.5, "5m", 3, 3),
            "external-api", preset("TIME_BASED", 120, 10, 50, 0, "10s", 90, "60s", 2.0, "10m", 2, 2));

    private CircuitBreakerPresets() {
    }

    private static Map<String, Object> preset(String windowType, int windowSize, int minimumCalls, int failureRate,
            int consecutiveFailures, String slowCall, int slowCallRate, String openWait, double backoff,
            String maxOpenWait, int halfOpenCalls, int successes) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sliding-window-type", windowType);
        values.put("sliding-window-size", windowSize);
        values.put("minimum-number-of-calls", minimumCalls);
        values.put("failure-rate-threshold", failureRate);
        values.put("consecutive-failure-threshold", consecutiveFailures);
        values.put("slow-call-duration-threshold", slowCall);
        values.put("slow-call-rate-threshold", slowCallRate);
        values.put("wait-duration-in-open-state", openWait);
        values.put("open-state-backoff-multiplier", backoff);
        values.put("max-wait-duration-in-open-state", maxOpenWait);
        values.put("permitted-calls-in-half-open-state", halfOpenCalls);
        values.put("success-threshold", successes);
        return Map.copyOf(values);
    }
}
