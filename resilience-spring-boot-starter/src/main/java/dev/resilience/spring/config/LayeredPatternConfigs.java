package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import dev.resilience.registry.InstanceId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * {@link PatternConfigs} for any pattern, given its {@link PatternMapping}. An instance's settings start
 * from the built-in defaults; then, each overriding only the keys it sets, {@code defaults}, the preset
 * (the built-in one of that name, then the user's {@code presets.<preset>}), the annotation layer and
 * {@code instances.<name>} are bound onto them with Spring's {@link Binder}, and the result is mapped once.
 * The preset is the one named by the instance, else by the annotation layer, else by {@code defaults}.
 * Key sections ({@link #registerKeySections}) are bound last and may name the preset themselves.
 *
 * <p>Creating this object validates {@code defaults} (with its preset), every declared preset and every
 * declared instance, so that a bad value fails startup even when nothing uses it. Errors name the full
 * yml path of the layer that set the value.
 *
 * <p>Thread safe: a computed configuration is read without a lock; computing one (once per name, when
 * an instance is first created, and once per distinct list of sections of a name with key sections) and registering
 * annotation layers or key sections share one lock, so that a layer is never registered while a
 * configuration that should have seen it is being computed.
 *
 * <p>Environment refresh: {@link #prepareRefresh} computes everything afresh from the environment as it is
 * now (validating it like at startup, annotation layers included) without changing this object, and
 * {@link #adopt} then makes those the configurations in effect, for instances created afterwards too.
 *
 * @param <S> the settings type
 * @param <C> the core configuration type
 */
public final class LayeredPatternConfigs<S extends InstanceSettings, C> implements PatternConfigs<C> {


    private final PatternMapping<S, C> mapping;
    private final Class<?> propertiesType;
    private final String prefix;
    // replaced together by adopt(), under this object's lock; read under it too, except declaredInstances
    private volatile Binder environment;
    private volatile Set<String> presetNames;
    private volatile Set<String> userPresets;
    private volatile Set<String> declaredInstances;
    private final Map<String, C> configs = new ConcurrentHashMap<>();
    // The configurations of keys with sections of their own, cached like those of names (a refresh compares
    // against them, since the environment a binder reads is live) per distinct list of sections, not per key:
    // keys with the same sections share one object, and the cache holds at most one entry per section list
    // the registered functions give, however many keys are used.
    private final Map<KeyLayers, C> keyedConfigs = new ConcurrentHashMap<>();
    private final Map<String, AnnotationLayer> annotationLayers = new HashMap<>();
    // Read without the lock by configFor(InstanceId); written under it, like the other layers.
    private final Map<String, Function<String, List<String>>> keySections = new ConcurrentHashMap<>();

    /**
     * Creates the configurations and validates everything the user declared.
     *
     * @param mapping the pattern's mapping
     * @param properties the bound {@code resilience.<pattern>} properties (for the declared names)
     * @param environment a binder over the application's environment
     * @throws InvalidPropertyException for the first invalid value
     */
    public LayeredPatternConfigs(PatternMapping<S, C> mapping, PatternProperties<S> properties, Binder environment) {
        this(mapping, properties, environment, Map.of(), Map.of());
    }

    private LayeredPatternConfigs(PatternMapping<S, C> mapping, PatternProperties<S> properties, Binder environment,
            Map<String, AnnotationLayer> annotationLayers, Map<String, Function<String, List<String>>> keySections) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.propertiesType = properties.getClass();
        this.annotationLayers.putAll(annotationLayers);
        this.keySections.putAll(keySections);
        this.environment = Objects.requireNonNull(environment, "environment");
        this.prefix = "resilience." + mapping.section();
        this.userPresets = Collections.unmodifiableSet(new LinkedHashSet<>(properties.getPresets().keySet()));
        Set<String> names = new TreeSet<>(mapping.builtInPresets().keySet());
        names.addAll(userPresets);
        this.presetNames = Collections.unmodifiableSet(names);
        this.declaredInstances = Collections.unmodifiableSet(new LinkedHashSet<>(properties.getInstances().keySet()));
        validateDeclared();
    }

    @Override
    public C configFor(String name) {
        C config = configs.get(name);
        if (config != null) {
            return config;
        }
        synchronized (this) {
            return configs.computeIfAbsent(name, this::compute);
        }
    }

    /**
     * A name without key sections takes the lock-free path of {@link #configFor(String)}, and so does a key
     * whose sections are those of the {@code null} key; any other key's configuration is cached per list of
     * sections, computed under the lock as a name's is, since both read the registered layers.
     */
    @Override
    public C configFor(InstanceId id) {
        Function<String, List<String>> sectionsOfKey = keySections.get(id.name());
        if (id.key() == null || sectionsOfKey == null) {
            return configFor(id.name());
        }
        List<String> sections = sectionsOfKey.apply(id.key());
        if (sections.equals(sectionsOfKey.apply(null))) {
            return configFor(id.name());
        }
        KeyLayers layers = new KeyLayers(id.name(), List.copyOf(sections));
        C config = keyedConfigs.get(layers);
        if (config != null) {
            return config;
        }
        synchronized (this) {
            return keyedConfigs.computeIfAbsent(layers, keyed -> compute(keyed.name(), keyed.sections()));
        }
    }

    /**
     * Whether key sections were registered for a name ({@link #registerKeySections}).
     *
     * @param name the instance name
     * @return {@code true} once they are registered
     */
    @Override
    public boolean hasKeySections(String name) {
        return keySections.containsKey(name);
    }

    /**
     * The identity an instance's configuration is computed for: the instance itself when its name has key
     * sections (each key can have its own configuration), otherwise its name alone (every key of the name
     * shares one configuration).
     *
     * @param id an instance
     * @return {@code id}, or the un-keyed id of its name
     */
    public InstanceId configIdentity(InstanceId id) {
        return id.key() != null && keySections.containsKey(id.name()) ? id : InstanceId.of(id.name());
    }

    @Override
    public synchronized void registerKeySections(String name, Function<String, List<String>> sections) {
        if (keySections.containsKey(name)) {
            throw new IllegalStateException("Key sections of " + mapping.section() + " instance '" + name
                    + "' were already registered");
        }
        if (configs.containsKey(name)) {
            throw new IllegalStateException("The " + mapping.section() + " configuration of '" + name
                    + "' was computed before its key sections were registered; register them while the context"
                    + " starts, before the instance is first used");
        }
        keySections.put(name, sections);
        try {
            configs.put(name, compute(name));
        } catch (RuntimeException e) {
            keySections.remove(name);
            throw e;
        }
    }

    @Override
    public Set<String> declaredInstances() {
        return declaredInstances;
    }

    @Override
    public synchronized void registerAnnotationOverrides(String name, String source, Map<String, ?> properties) {
        AnnotationLayer layer = new AnnotationLayer(source, Map.copyOf(properties));
        AnnotationLayer existing = annotationLayers.get(name);
        if (existing != null) {
            if (existing.values().equals(layer.values())) {
                return;
            }
            throw new IllegalStateException("Conflicting " + mapping.section() + " settings for instance '" + name
                    + "': " + existing.source() + " sets " + existing.values() + " but " + source + " sets "
                    + layer.values() + "; methods sharing a name share one instance, so give them the same values"
                    + " or different names");
        }
        if (configs.containsKey(name)) {
            throw new IllegalStateException("The " + mapping.section() + " configuration of '" + name
                    + "' was computed before the overrides of " + source + " were registered; register them"
                    + " while the context starts, before the instance is first used");
        }
        annotationLayers.put(name, layer);
        try {
            configs.put(name, compute(name));
        } catch (RuntimeException e) {
            annotationLayers.remove(name);
            throw e;
        }
    }

    /**
     * Computes the configurations afresh from an environment as it is now: binds
     * {@code resilience.<pattern>} again, keeps the annotation layers and key sections registered so far,
     * validates like at startup, and computes the configuration of every instance given. Changes nothing here.
     *
     * @param freshEnvironment a binder over the environment as it is now
     * @param ids the live instances whose configurations are wanted
     * @return the prepared configurations, by {@link #configIdentity}, to be passed to {@link #adopt}
     * @throws InvalidPropertyException for the first invalid value, naming its yml path
     * @throws org.springframework.boot.context.properties.bind.BindException for a value of the wrong type
     */
    public synchronized Prepared<C> prepareRefresh(Binder freshEnvironment, Set<InstanceId> ids) {
        @SuppressWarnings("unchecked")
        PatternProperties<S> properties = (PatternProperties<S>) freshEnvironment.bindOrCreate(prefix,
                Bindable.of(propertiesType));
        LayeredPatternConfigs<S, C> fresh = new LayeredPatternConfigs<>(mapping, properties, freshEnvironment,
                annotationLayers, keySections);
        Map<InstanceId, C> computed = new LinkedHashMap<>();
        ids.forEach(id -> computed.computeIfAbsent(configIdentity(id), fresh::configFor));
        return new Prepared<>(this, fresh, Collections.unmodifiableMap(computed));
    }

    /**
     * Makes prepared configurations the ones in effect: {@link #configFor} answers them from now on, and
     * computes names not prepared from the refreshed environment.
     *
     * @param prepared what {@link #prepareRefresh} returned on this object
     * @throws IllegalArgumentException if it was prepared by another object
     */
    public synchronized void adopt(Prepared<C> prepared) {
        if (prepared.owner != this) {
            throw new IllegalArgumentException("prepared by another PatternConfigs");
        }
        @SuppressWarnings("unchecked")
        LayeredPatternConfigs<S, C> fresh = (LayeredPatternConfigs<S, C>) prepared.fresh;
        environment = fresh.environment;
        presetNames = fresh.presetNames;
        userPresets = fresh.userPresets;
        declaredInstances = fresh.declaredInstances;
        // a reader missing a name in between waits for this lock, then computes it from the new state
        configs.keySet().retainAll(fresh.configs.keySet());
        configs.putAll(fresh.configs);
        keyedConfigs.keySet().retainAll(fresh.keyedConfigs.keySet());
        keyedConfigs.putAll(fresh.keyedConfigs);
    }

    /**
     * Configurations computed by {@link #prepareRefresh}, not yet in effect. Immutable.
     *
     * @param <C> the core configuration type
     */
    public static final class Prepared<C> {

        private final LayeredPatternConfigs<?, C> owner;
        private final LayeredPatternConfigs<?, C> fresh;
        private final Map<InstanceId, C> configs;

        private Prepared(LayeredPatternConfigs<?, C> owner, LayeredPatternConfigs<?, C> fresh,
                Map<InstanceId, C> configs) {
            this.owner = owner;
            this.fresh = fresh;
            this.configs = configs;
        }

        /** @return the refreshed configuration of each instance asked for, by its configuration identity, unmodifiable */
        public Map<InstanceId, C> configs() {
            return configs;
        }
    }

    /** The yml path of an instance's section; a name not in lower-case kebab form goes in brackets. */
    private String instancePath(String name) {
        return prefix + ".instances" + YmlPaths.element(name);
    }

    private void validateDeclared() {
        String defaultsPath = prefix + ".defaults";
        checkPresetName(environmentPreset(defaultsPath), defaultsPath, null);
        declaredInstances.forEach(name -> checkPresetName(environmentPreset(instancePath(name)), instancePath(name), null));
        for (String preset : userPresets) {
            String presetPath = prefix + ".presets" + YmlPaths.element(preset);
            String nested = environmentPreset(presetPath);
            if (nested != null) {
                throw new InvalidPropertyException(presetPath + ".preset", nested,
                        "is not allowed: a preset cannot name another preset", null, null);
            }
            SettingsLayers<S> layers = new SettingsLayers<>(environment, mapping.newSettings());
            layers.bindEnvironment(ConfigurationPropertyName.of(defaultsPath));
            applyPreset(layers, preset, presetPath);
            build(layers, presetPath);
        }
        build(layers(null, defaultsPath, List.of()), defaultsPath);
        declaredInstances.forEach(this::compute);
    }

    private C compute(String name) {
        Function<String, List<String>> sectionsOfKey = keySections.get(name);
        return compute(name, sectionsOfKey == null ? List.of() : sectionsOfKey.apply(null));
    }

    private C compute(String name, List<String> sections) {
        String path = sections.isEmpty() ? instancePath(name) : sections.get(sections.size() - 1);
        return build(layers(name, path, sections), path);
    }

    /**
     * Binds the layers of an instance, or with a null name those every instance starts from (defaults
     * and the defaults' preset). Key sections are bound last; the last one that names a preset picks it.
     * Errors name {@code subjectPath.<property>} when no yml layer set the value.
     */
    private SettingsLayers<S> layers(String name, String subjectPath, List<String> sections) {
        SettingsLayers<S> layers = new SettingsLayers<>(environment, mapping.newSettings());
        layers.bindEnvironment(ConfigurationPropertyName.of(prefix + ".defaults"));
        AnnotationLayer annotations = name == null ? null : annotationLayers.get(name);
        String preset = sectionPreset(sections);
        if (preset == null && name != null) {
            preset = environmentPreset(instancePath(name));
        }
        if (preset == null && annotations != null && annotations.values().get("preset") != null) {
            preset = String.valueOf(annotations.values().get("preset"));
            checkPresetName(preset, subjectPath, annotations.source());
        }
        if (preset == null) {
            preset = layers.settings().getPreset();
        }
        if (preset != null) {
            applyPreset(layers, preset, subjectPath);
        }
        if (annotations != null) {
            layers.bindValues(annotations.values(), annotations.source(), subjectPath);
        }
        if (name != null) {
            layers.bindEnvironment(ConfigurationPropertyName.of(instancePath(name)));
        }
        sections.forEach(section -> layers.bindEnvironment(ConfigurationPropertyName.of(section)));
        return layers;
    }

    private String sectionPreset(List<String> sections) {
        for (int i = sections.size() - 1; i >= 0; i--) {
            String preset = environmentPreset(sections.get(i));
            if (preset != null) {
                checkPresetName(preset, sections.get(i), null);
                return preset;
            }
        }
        return null;
    }

    private void applyPreset(SettingsLayers<S> layers, String preset, String subjectPath) {
        Map<String, Object> builtIn = mapping.builtInPresets().get(preset);
        if (builtIn != null) {
            layers.bindValues(builtIn, "built-in preset '" + preset + "'", subjectPath);
        }
        if (userPresets.contains(preset)) {
            layers.bindEnvironment(ConfigurationPropertyName.of(prefix + ".presets" + YmlPaths.element(preset)));
        }
    }

    private C build(SettingsLayers<S> layers, String subjectPath) {
        try {
            return mapping.toConfig(layers.settings());
        } catch (InvalidConfigurationException e) {
            throw layers.invalid(e, subjectPath);
        }
    }

    private String environmentPreset(String sectionPath) {
        return environment.bind(sectionPath + ".preset", String.class).orElse(null);
    }

    private void checkPresetName(String preset, String sectionPath, String origin) {
        if (preset != null && !presetNames.contains(preset)) {
            throw new InvalidPropertyException(sectionPath + ".preset", preset,
                    "must name a built-in preset or one declared under " + prefix + ".presets: " + presetNames,
                    origin, null);
        }
    }

    /** The layers of a keyed configuration: the instance name and the key's sections, lowest first. */
    private record KeyLayers(String name, List<String> sections) {
    }

    /** The values one annotation contributes to an instance name, and where they come from. */
    private record AnnotationLayer(String source, Map<String, ?> values) {
    }
}
