package dev.resilience.spring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything under {@code resilience.circuitbreaker}: {@code defaults}, {@code presets.<preset>} and
 * {@code instances.<name>}, each holding {@link CircuitBreakerSettings}. Unknown keys fail startup.
 */
@ConfigurationProperties(prefix = "resilience.circuitbreaker", ignoreUnknownFields = false)
public class CircuitBreakerProperties extends PatternProperties<CircuitBreakerSettings> {

    /** Settings for every circuit breaker, above the built-in defaults and below presets and instances. */
    @NestedConfigurationProperty
    private final CircuitBreakerSettings defaults = new CircuitBreakerSettings();

    @Override
    public CircuitBreakerSettings getDefaults() {
        return defaults;
    }
}
