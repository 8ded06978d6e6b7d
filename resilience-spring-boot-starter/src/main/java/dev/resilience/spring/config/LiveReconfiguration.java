package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import dev.resilience.event.ConfigChanges;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * Applies new configuration values to live instances of any pattern, keeping their state (see each core
 * {@code reconfigure}): one operator change through the {@code resilience} endpoint, or every change an
 * environment refresh brings. Values are validated first (by the core builder's {@code build()}); when one
 * is refused, nothing changes. Every applied change is published by the instance as a
 * {@link dev.resilience.event.ConfigChangedEvent} naming who made it, with the old and new values, which the
 * endpoint records, the log shows and Spring application listeners receive.
 *
 * <p>Thread safe: changes are applied one at a time.
 */
public final class LiveReconfiguration {

    /** The principal recorded for changes an environment refresh brings. */
    public static final String ENVIRONMENT_REFRESH = "environment refresh";

    private static final Log LOG = LogFactory.getLog(LiveReconfiguration.class);


    private final Map<Class<?>, LiveInstances<?, ?, ?>> patterns = new LinkedHashMap<>();

    /**
     * Creates the service.
     *
     * @param patterns each reconfigurable pattern with its registry and configurations
     */
    public LiveReconfiguration(List<LiveInstances<?, ?, ?>> patterns) {
        patterns.forEach(pattern -> this.patterns.put(pattern.pattern().instanceType(), pattern));
    }

    /**
     * Applies new values to one live instance.
     *
     * @param instanceType the pattern's instance type, such as {@code CircuitBreaker.class}
     * @param displayName {@code name} or {@code name[key]}
     * @param values camelCase keys of the instance's configuration (kebab-case already turned into camelCase)
     *     to new values: strings as typed ({@code "30s"}, {@code "40"}) or typed values
     * @param principal who makes the change
     * @return {@code false} if there is no such instance
     * @throws UnsupportedOperationException if the pattern is not reconfigurable here
     * @throws IllegalArgumentException for a key that cannot be changed live or a value of the wrong kind
     * @throws InvalidConfigurationException for a value the pattern's rules refuse (property and value named)
     */
    public synchronized boolean reconfigure(Class<?> instanceType, String displayName, Map<String, Object> values,
            String principal) {
        Objects.requireNonNull(principal, "principal");
        LiveInstances<?, ?, ?> instances = patterns.get(instanceType);
        if (instances == null) {
            throw new UnsupportedOperationException("configure is not supported for " + instanceType.getSimpleName());
        }
        return instances.reconfigure(InstanceId.parse(displayName), values, principal);
    }

    /**
     * Applies the {@code resilience.*} values of the environment as it is now to every live instance of every
     * pattern (declared, annotation-created and keyed), as {@link #ENVIRONMENT_REFRESH}. The layered
     * configuration of each instance name is computed afresh (annotation layers included); an instance is
     * reconfigured with the settings whose layered value changed, so values an operator set through the
     * endpoint on other settings stay. If any new value is invalid, nothing changes anywhere: the error is
     * logged with the yml path and value and the instances keep their configurations. Settings that cannot
     * change on a live instance ({@code max-keys}, exception lists, ...) are logged at WARN as ignored until
     * restart. Instances created later use the refreshed configuration.
     *
     * @param environment a binder over the environment as it is now
     * @return {@code true} if the values were applied, {@code false} if they were refused
     */
    public synchronized boolean refresh(Binder environment) {
        List<Runnable> commits = new ArrayList<>();
        try {
            for (LiveInstances<?, ?, ?> instances : patterns.values()) {
                commits.add(instances.prepareRefresh(environment));
            }
        } catch (InvalidConfigurationException | BindException refused) {
            LOG.error("Refreshed resilience configuration refused, nothing was changed (the previous values stay in"
                    + " effect): " + refused.getMessage());
            return false;
        }
        commits.forEach(Runnable::run);
        return true;
    }

    /**
     * One pattern's live instances: its {@link LivePattern}, its registry and its configurations.
     *
     * @param pattern the pattern
     * @param registry its live instances
     * @param configs its layered configurations
     * @param <T> the instance type
     * @param <C> the configuration type
     * @param <B> the builder type
     */
    public record LiveInstances<T, C, B>(LivePattern<T, C, B> pattern, InstanceRegistry<T> registry,
            PatternConfigs<C> configs) {

        /** Checks that nothing is missing. */
        public LiveInstances {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(configs, "configs");
        }

        boolean reconfigure(InstanceId id, Map<String, Object> values, String principal) {
            T instance = registry.find(id).orElse(null);
            if (instance == null) {
                return false;
            }
            C next = pattern.withValues(pattern.config().apply(instance), values);
            pattern.apply().reconfigure(instance, next, principal);
            return true;
        }

        /**
         * Validates everything a refresh would change here; returns what applies it. Configurations are compared
         * per {@link LayeredPatternConfigs#configIdentity}: per name, or per instance where keys have sections
         * of their own.
         */
        Runnable prepareRefresh(Binder environment) {
            if (!(configs instanceof LayeredPatternConfigs<?, C> layered)) {
                return () -> { }; // an application's own PatternConfigs: it has no layers to recompute
            }
            Map<InstanceId, T> live = registry.all();
            LayeredPatternConfigs.Prepared<C> prepared = layered.prepareRefresh(environment, live.keySet());
            Map<InstanceId, C> before = new HashMap<>();
            live.keySet().forEach(id -> before.computeIfAbsent(layered.configIdentity(id), layered::configFor));
            Derived derived = new Derived();
            live.forEach((id, instance) -> {
                InstanceId identity = layered.configIdentity(id);
                Map<String, Object> changed = derived.changes(identity,
                        ignored -> changes(id.name(), before.get(identity), prepared.configs().get(identity), false));
                try {
                    derived.next(identity, pattern.config().apply(instance), changed);
                } catch (InvalidConfigurationException invalid) {
                    throw new InvalidPropertyException(instancePath(id.name()) + "." + invalid.getProperty(),
                            invalid.getValue(), invalid.getRequirement(), null, invalid);
                }
            });
            return () -> {
                // instances first created since the refresh was prepared: their configuration before it, while the
                // cache still holds it (one created in the last moment falls back to its instance's)
                registry.all().keySet().forEach(
                        id -> before.computeIfAbsent(layered.configIdentity(id), layered::configFor));
                layered.adopt(prepared);
                Derived applied = new Derived();
                registry.all().forEach((id, instance) -> {
                    InstanceId identity = layered.configIdentity(id);
                    C old = before.get(identity);
                    Map<String, Object> changed = old != null
                            ? applied.changes(identity, ignored -> changes(id.name(), old, layered.configFor(id), true))
                            : changes(id.name(), pattern.config().apply(instance), layered.configFor(id), false);
                    if (!changed.isEmpty()) {
                        apply(id, identity, instance, changed, applied);
                    }
                });
            };
        }

        private void apply(InstanceId id, InstanceId identity, T instance, Map<String, Object> changed,
                Derived derived) {
            try {
                C next = derived.next(identity, pattern.config().apply(instance), changed);
                pattern.apply().reconfigure(instance, next, ENVIRONMENT_REFRESH);
            } catch (IllegalArgumentException refused) {
                // validated when prepared; only code reconfiguring this instance meanwhile can make it fail
                LOG.error("Refreshed " + instancePath(id.name()) + " values " + changed + " not applied to '"
                        + id.displayName() + "': " + refused.getMessage());
            }
        }

        /**
         * What one refresh derives, computed once per configuration identity and, for the new configuration,
         * once per distinct current configuration: the keyed instances of a name share their configuration object.
         */
        private final class Derived {

            private final Map<InstanceId, Map<String, Object>> changes = new HashMap<>();
            private final Map<InstanceId, Map<C, C>> next = new HashMap<>();

            Map<String, Object> changes(InstanceId identity, Function<InstanceId, Map<String, Object>> compute) {
                return changes.computeIfAbsent(identity, compute);
            }

            C next(InstanceId identity, C current, Map<String, Object> changed) {
                return next.computeIfAbsent(identity, ignored -> new IdentityHashMap<>())
                        .computeIfAbsent(current, config -> pattern.withValues(config, changed));
            }
        }

        /** The live settings whose value differs, camelCase key to new value; the others are logged if asked. */
        private Map<String, Object> changes(String name, C before, C after, boolean warnIgnored) {
            Map<String, Object> oldValues = pattern.values().apply(before);
            Map<String, Object> changed = new LinkedHashMap<>();
            pattern.values().apply(after).forEach((key, value) -> {
                Object old = oldValues.get(key);
                if (Objects.equals(ConfigChanges.json(old), ConfigChanges.json(value))) {
                    return;
                }
                if (pattern.isLive(after, key)) {
                    changed.put(key, value);
                } else if (warnIgnored && LOG.isWarnEnabled()) {
                    LOG.warn("Refreshed " + instancePath(name) + "." + DataObjectPropertyName.toDashedForm(key) + " = "
                            + ConfigChanges.json(value) + " is ignored until restart (was " + ConfigChanges.json(old)
                            + "): it cannot change on a live instance");
                }
            });
            return changed;
        }

        private String instancePath(String name) {
            return "resilience." + pattern.section() + ".instances" + YmlPaths.element(name);
        }
    }
}
