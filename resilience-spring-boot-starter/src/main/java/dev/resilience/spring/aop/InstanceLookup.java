package dev.resilience.spring.aop;

import dev.resilience.registry.InstanceRegistry;
import java.util.Objects;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Finds the instance a layer uses for one call. Without a key the instance is resolved once, when the
 * layer is built, and every call gets it from a final field; with a key each call evaluates the key and
 * asks the registry for {@code name[key]} (a null key value gives the un-keyed instance). Thread safe.
 *
 * @param <T> the instance type
 */
public final class InstanceLookup<T> {

    private final InstanceRegistry<T> registry;
    private final String name;
    private final KeyExpression key;
    private final T fixed;

    private InstanceLookup(InstanceRegistry<T> registry, String name, KeyExpression key, T fixed) {
        this.registry = registry;
        this.name = name;
        this.key = key;
        this.fixed = fixed;
    }

    static <T> InstanceLookup<T> of(InstanceRegistry<T> registry, String name, KeyExpression key) {
        Objects.requireNonNull(registry, "registry");
        return key.isPresent() ? new InstanceLookup<>(registry, name, key, null)
                : new InstanceLookup<>(registry, name, key, registry.get(name));
    }

    /**
     * The instance for one call. Un-keyed: a field read. Keyed: the key evaluation plus a registry
     * lookup that allocates nothing for an existing instance with a {@code String} key.
     *
     * @param invocation the call, whose arguments the key is computed from
     * @return the instance
     */
    public T get(MethodInvocation invocation) {
        T instance = fixed;
        return instance != null ? instance : registry.get(name, key.evaluate(invocation));
    }

    /** @return the instance name (without a key) */
    public String name() {
        return name;
    }

    /** @return whether each call picks an instance by key */
    public boolean keyed() {
        return fixed == null;
    }
}
