package dev.resilience.spring.config;

import dev.resilience.registry.InstanceId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The effective configuration of each named instance of one pattern, layered lowest first: built-in
 * defaults, {@code defaults}, the chosen preset, annotation attributes, {@code instances.<name>}. Only keys
 * a layer sets override the layers below. Invalid values fail when the bean is created (for
 * {@code defaults}, every declared preset and every declared instance) or, for names only known from
 * annotations, when their overrides are registered.
 *
 * <p>Thread safe. Configurations are computed once per name and cached (an environment refresh, where
 * Spring Cloud Context is present, replaces them: see {@link LiveReconfiguration#refresh}).
 *
 * @param <C> the core configuration type
 */
public interface PatternConfigs<C> {

    /**
     * The effective configuration of an instance name; every keyed instance of that name shares it.
     *
     * @param name the instance name (the annotation's {@code name})
     * @return the configuration, the same object on every call for a name until a refresh
     * @throws InvalidPropertyException if the layers combine into an invalid configuration
     */
    C configFor(String name);

    /**
     * The bound on keyed instances that the {@link InstanceSource} registered for a name sets.
     *
     * @param name the instance name
     * @return the source's {@code max-keys}, or empty when no source is registered for the name
     */
    default OptionalInt sourcedMaxKeys(String name) {
        return OptionalInt.empty();
    }

    /**
     * Hands every instance of a name (un-keyed and keyed) to a source of configurations. Register it while
     * the context starts, before the first instance of the name is created.
     *
     * @param name the instance name
     * @param source the configurations of its instances
     * @throws IllegalStateException if a source is already registered for the name
     * @throws UnsupportedOperationException if this implementation takes no sources (the default)
     */
    default void registerInstanceSource(String name, InstanceSource<C> source) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no instance sources");
    }

    /**
     * The names declared under {@code resilience.<pattern>.instances}, in declaration order; the
     * starter creates their instances at startup.
     *
     * @return an unmodifiable set
     */
    Set<String> declaredInstances();

    /**
     * Adds the annotation layer of an instance name: values an annotation sets (for example
     * {@code @Timeout(name = "slow", value = "2s")} gives {@code duration -> "2s"}). The layer sits above
     * the preset and below {@code instances.<name>}. Call it while the context starts, before the
     * instance is first used: the starter creates the declared instances once the context has been
     * refreshed, and a configuration is computed only once. Registering the same values again for a
     * name is a no-op.
     *
     * @param name the instance name
     * @param source where the values come from, for error messages (for example
     *     {@code "@Timeout on PaymentClient.charge"})
     * @param properties kebab-case keys relative to an instance, values as they would be written in yml
     *     (strings such as {@code "2s"}, or already typed values)
     * @throws InvalidPropertyException if a value is invalid or a key unknown; the message names the source
     * @throws IllegalStateException if other values were registered for the name, or its configuration was
     *     already computed without them
     */
    void registerAnnotationOverrides(String name, String source, Map<String, ?> properties);

    /**
     * The effective configuration of one instance: from the {@link InstanceSource} registered for its name
     * ({@link #registerInstanceSource}) if there is one; else {@link #configFor(String) configFor(id.name())},
     * unless key sections were registered for the name ({@link #registerKeySections}); then the sections of
     * the id's key are layered on top. A registry's factory calls this, so that a keyed instance can get a
     * configuration of its own. A keyed configuration is computed on every call (registries call it once
     * per instance they create), the un-keyed one is cached.
     *
     * @param id the instance id
     * @return the configuration
     * @throws InvalidPropertyException if the layers combine into an invalid configuration
     */
    default C configFor(InstanceId id) {
        return configFor(id.name());
    }

    /**
     * Gives the instances of one name yml sections of their own, above every other layer (lowest first):
     * for example {@code resilience.http.server.bulkhead}, then
     * {@code resilience.http.server.endpoints[GET /orders/{id}].bulkhead} for key {@code GET /orders/{id}}.
     * Each section holds the pattern's instance keys; a {@code preset} named by a section wins over one
     * named below it. From then on {@link #configFor(String)} includes the sections of the {@code null}
     * key, and {@link #configFor(InstanceId)} those of the id's key. Invalid values name the section's yml
     * path. Call it while the context starts, before the name's configuration is first used.
     *
     * @param name the instance name
     * @param sections key ({@code null} for the un-keyed instance) to the yml paths of its sections, lowest
     *     first; must be thread safe and give the same paths for a key every time
     * @throws InvalidPropertyException if the sections of the {@code null} key hold an invalid value
     * @throws IllegalStateException if sections were registered for the name, or its configuration was
     *     already computed
     * @throws UnsupportedOperationException if this implementation has no key sections (the default)
     */
    default void registerKeySections(String name, Function<String, List<String>> sections) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support key sections");
    }
}
