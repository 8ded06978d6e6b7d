package dev.resilience.spring.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in retry presets, seeded from common practice: few attempts with short waits close by, more
 * patient and budgeted retries far away. Each sets the attempts, the backoff and its bounds together;
 * exception lists are left to {@code defaults}. A user preset of the same name extends (and may
 * override) one of these.
 *
 * <table>
 * <caption>Built-in presets (durations in Spring's Duration syntax)</caption>
 * <tr><th>key</th><th>built-in default</th><th>internal-service</th><th>database</th><th>upstream-http</th><th>external-api</th></tr>
 * <tr><td>max-attempts</td><td>3</td><td>3</td><td>2</td><td>3</td><td>4</td></tr>
 * <tr><td>backoff</td><td>EXPONENTIAL</td><td>EXPONENTIAL</td><td>FIXED</td><td>EXPONENTIAL</td><td>EXPONENTIAL</td></tr>
 * <tr><td>wait-duration</td><td>500ms</td><td>100ms</td><td>200ms</td><td>500ms</td><td>1s</td></tr>
 * <tr><td>multiplier</td><td>2.0</td><td>2.0</td><td>1.0</td><td>2.0</td><td>2.0</td></tr>
 * <tr><td>max-wait-duration</td><td>30s</td><td>1s</td><td>1s</td><td>5s</td><td>10s</td></tr>
 * <tr><td>jitter</td><td>0.2</td><td>0.2</td><td>0.2</td><td>0.3</td><td>0.5</td></tr>
 * <tr><td>max-duration</td><td>0 (none)</td><td>2s</td><td>1s</td><td>10s</td><td>30s</td></tr>
 * <tr><td>budget.ratio</td><td>0 (off)</td><td>0</td><td>0</td><td>0.2</td><td>0.1</td></tr>
 * </table>
 *
 * <ul>
 * <li>{@code internal-service}: a transient blip on a fast network clears in milliseconds;</li>
 * <li>{@code database}: one quick retry (a failed-over connection), never a storm on a struggling store;</li>
 * <li>{@code upstream-http}: another team's service; retries are budgeted so an outage does not triple its load;</li>
 * <li>{@code external-api}: a third party; patient, strongly jittered, and budgeted tightly.</li>
 * </ul>
 */
final class RetryPresets {

    /** Preset name to kebab-case key and value, as written in yml. */
    static final Map<String, Map<String, Object>> BUILT_IN = Map.of(
            "internal-service", preset(3, "EXPONENTIAL", "100ms", 2.0, "1s", 0.2, "2s", 0),
            "database", preset(2, "FIXED", "200ms", 1.0, "1s", 0.2, "1s", 0),
            "upstream-http", preset(3, "EXPONENTIAL", "500ms", 2.0, "5s", 0.3, "10s", 0.2),
            "external-api", preset(4, "EXPONENTIAL", "1s", 2.0, "10s", 0.5, "30s", 0.1));

    private RetryPresets() {
    }

    private static Map<String, Object> preset(int maxAttempts, String backoff, String wait, double multiplier,
            String maxWait, double jitter, String maxDuration, double budgetRatio) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("max-attempts", maxAttempts);
        values.put("backoff", backoff);
        values.put("wait-duration", wait);
        values.put("multiplier", multiplier);
        values.put("max-wait-duration", maxWait);
        values.put("jitter", jitter);
        values.put("max-duration", maxDuration);
        values.put("budget.ratio", budgetRatio);
        return Map.copyOf(values);
    }
}
