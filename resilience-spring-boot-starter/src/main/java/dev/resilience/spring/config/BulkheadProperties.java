package dev.resilience.spring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything under {@code resilience.bulkhead}: {@code defaults}, {@code presets.<preset>} and
 * {@code instances.<name>}, each holding {@link BulkheadSettings}. Unknown keys fail startup.
 */
@ConfigurationProperties(prefix = "resilience.bulkhead", ignoreUnknownFields = false)
public class BulkheadProperties extends PatternProperties<BulkheadSettings> {

    /** Settings for every bulkhead, above the built-in defaults and below presets and instances. */
    @NestedConfigurationProperty
    private final BulkheadSettings defaults = new BulkheadSettings();

    @Override
    public BulkheadSettings getDefaults() {
        return defaults;
    }
}
