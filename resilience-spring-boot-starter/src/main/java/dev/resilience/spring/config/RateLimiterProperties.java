package dev.resilience.spring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything under {@code resilience.ratelimiter}: {@code defaults}, {@code presets.<preset>} and
 * {@code instances.<name>}, each holding {@link RateLimiterSettings}. Unknown keys fail startup.
 */
@ConfigurationProperties(prefix = "resilience.ratelimiter", ignoreUnknownFields = false)
public class RateLimiterProperties extends PatternProperties<RateLimiterSettings> {

    /** Settings for every rate limiter, above the built-in defaults and below presets and instances. */
    @NestedConfigurationProperty
    private final RateLimiterSettings defaults = new RateLimiterSettings();

    @Override
    public RateLimiterSettings getDefaults() {
        return defaults;
    }
}
