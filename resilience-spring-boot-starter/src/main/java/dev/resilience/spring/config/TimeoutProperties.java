package dev.resilience.spring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything under {@code resilience.timeout}: {@code defaults}, {@code presets.<preset>} and
 * {@code instances.<name>}, each holding {@link TimeoutSettings}. Unknown keys fail startup.
 */
@ConfigurationProperties(prefix = "resilience.timeout", ignoreUnknownFields = false)
public class TimeoutProperties extends PatternProperties<TimeoutSettings> {

    /** Settings for every timeout, above the built-in defaults and below presets and instances. */
    @NestedConfigurationProperty
    private final TimeoutSettings defaults = new TimeoutSettings();

    @Override
    public TimeoutSettings getDefaults() {
        return defaults;
    }
}
