package dev.resilience.spring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything under {@code resilience.retry}: {@code defaults}, {@code presets.<preset>} and
 * {@code instances.<name>}, each holding {@link RetrySettings}. Unknown keys fail startup.
 */
@ConfigurationProperties(prefix = "resilience.retry", ignoreUnknownFields = false)
public class RetryProperties extends PatternProperties<RetrySettings> {

    /** Settings for every retry, above the built-in defaults and below presets and instances. */
    @NestedConfigurationProperty
    private final RetrySettings defaults = new RetrySettings();

    @Override
    public RetrySettings getDefaults() {
        return defaults;
    }
}
