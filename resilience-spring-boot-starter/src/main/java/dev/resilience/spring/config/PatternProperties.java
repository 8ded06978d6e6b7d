package dev.resilience.spring.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three sections every pattern has under {@code resilience.<pattern>}: {@code defaults},
 * {@code presets} and {@code instances}. A pattern declares a subclass annotated with
 * {@code @ConfigurationProperties(prefix = "resilience.<pattern>", ignoreUnknownFields = false)}, so that
 * unknown keys fail startup and the configuration processor documents every key.
 *
 * <p>These objects hold what the user wrote, section by section; the effective configuration of an
 * instance is computed by {@link LayeredPatternConfigs}, which re-binds the sections as layers.
 *
 * @param <S> the pattern's settings type
 */
public abstract class PatternProperties<S extends InstanceSettings> {

    /**
     * Reusable sets of settings, by preset name; an instance (or defaults) picks one with 'preset'. A
     * preset named like a built-in one (internal-service, database, upstream-http, external-api) extends it.
     */
    private final Map<String, S> presets = new LinkedHashMap<>();

    /**
     * Settings of single instances, by instance name (the annotation's name; a name holding dots or
     * capitals, such as the default SimpleClassName.methodName, is written in brackets:
     * "[PaymentClient.charge]"). They win over every other layer; instances listed here are created at
     * startup.
     */
    private final Map<String, S> instances = new LinkedHashMap<>();

    /**
     * The settings under {@code defaults}. Declared by the subclass on a field of the concrete settings
     * type, so that the configuration processor documents every key under {@code defaults}.
     *
     * @return the settings under {@code defaults}
     */
    public abstract S getDefaults();

    /** @return the presets the user declared, by name */
    public Map<String, S> getPresets() {
        return presets;
    }

    /** @return the instances the user declared, by name */
    public Map<String, S> getInstances() {
        return instances;
    }
}
