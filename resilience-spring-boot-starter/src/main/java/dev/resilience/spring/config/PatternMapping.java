package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import java.util.Map;

/**
 * What one pattern contributes to the layered configuration: its section name, its settings type with
 * the built-in defaults, its built-in presets and the one place where settings become the immutable core
 * configuration. {@link LayeredPatternConfigs} does the rest (layering, validation, yml paths, caching)
 * the same way for every pattern, so adding a pattern is one settings class, one
 * {@link PatternProperties} subclass and one mapping.
 *
 * <p>Implementations must be stateless or immutable, hence thread safe.
 *
 * @param <S> the settings type
 * @param <C> the core configuration type
 */
public interface PatternMapping<S extends InstanceSettings, C> {

    /**
     * The section under {@code resilience.}, for example {@code circuitbreaker}.
     *
     * @return the section name, lower case
     */
    String section();

    /**
     * A fresh settings object holding the built-in defaults.
     *
     * @return new settings
     */
    S newSettings();

    /**
     * The built-in presets: preset name to its values, keyed by kebab-case property relative to an
     * instance (as under {@code instances.<name>}) with values as they would be written in yml.
     *
     * @return the presets, possibly empty; never modified by the caller
     */
    Map<String, Map<String, Object>> builtInPresets();

    /**
     * Maps settings to the core configuration, validating them.
     *
     * @param settings the layered settings
     * @return the immutable configuration
     * @throws InvalidConfigurationException naming the kebab-case property (relative to an instance) and
     *     the bad value
     */
    C toConfig(S settings);
}
