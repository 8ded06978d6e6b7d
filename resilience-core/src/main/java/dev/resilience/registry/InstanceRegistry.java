package dev.resilience.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The one place where a pattern's instances live: the aspect, the endpoint, health and metrics all look
 * them up here. Each name has one un-keyed instance and at most {@code max-keys} keyed ones; when a new
 * key would exceed that bound, the least recently used key of that name is evicted and listeners are told.
 *
 * <p>Thread safe. Exactly one instance is created per id, even under concurrent first calls, and
 * listeners see every instance's {@code onAdded} before its {@code onRemoved}. A lookup of an existing
 * instance takes no lock and allocates nothing (for a {@code String} key); a keyed lookup stamps the
 * entry from a per-name counter for LRU ordering. Creating an instance takes a registry-wide lock;
 * eviction scans the name's keys, which is O(max-keys) per new key beyond the bound.
 *
 * @param <T> the instance type
 */
public final class InstanceRegistry<T> {

    private final Function<InstanceId, T> factory;
    private final ToIntFunction<String> maxKeys;
    private final ConcurrentHashMap<String, Group<T>> groups = new ConcurrentHashMap<>();
    private final List<RegistryListener<? super T>> listeners = new CopyOnWriteArrayList<>();
    // Creation, eviction and listener registration happen under one lock, so every listener sees an
    // instance's add before its removal and a replay never races a creation. Lookups of existing
    // instances never take it.
    private final Object mutations = new Object();

    /**
     * Creates a registry.
     *
     * @param factory creates an instance for an id, with the configuration of the id's name
     * @param maxKeys the bound on keyed instances for a name (at least 1)
     */
    public InstanceRegistry(Function<InstanceId, T> factory, ToIntFunction<String> maxKeys) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.maxKeys = Objects.requireNonNull(maxKeys, "maxKeys");
    }

    /**
     * The un-keyed instance of a name, created on first use.
     *
     * @param name the instance name
     * @return the instance
     */
    public T get(String name) {
        Group<T> group = group(name);
        T instance = group.unkeyed;
        return instance != null ? instance : unkeyed(group);
    }

    /**
     * The instance for a name and key, created on first use; a {@code null} key gives the un-keyed
     * instance.
     *
     * @param name the instance name
     * @param key the key; its {@code String.valueOf} form identifies the instance
     * @return the instance
     */
    public T get(String name, Object key) {
        if (key == null) {
            return get(name);
        }
        Group<T> group = group(name);
        String keyText = String.valueOf(key);
        Keyed<T> keyed = group.keys.get(keyText);
        if (keyed == null) {
            return keyed(group, keyText);
        }
        keyed.lastUsed = group.clock.incrementAndGet();
        return keyed.instance;
    }

    /**
     * Looks up an existing instance without creating it.
     *
     * @param id the id
     * @return the instance, if it exists
     */
    public Optional<T> find(InstanceId id) {
        Group<T> group = groups.get(id.name());
        if (group == null) {
            return Optional.empty();
        }
        if (id.key() == null) {
            return Optional.ofNullable(group.unkeyed);
        }
        Keyed<T> keyed = group.keys.get(id.key());
        return keyed == null ? Optional.empty() : Optional.of(keyed.instance);
    }

    /**
     * Every existing instance, ordered by display name.
     *
     * @return a snapshot, id to instance
     */
    public Map<InstanceId, T> all() {
        List<Map.Entry<InstanceId, T>> entries = new ArrayList<>();
        groups.forEach((name, group) -> {
            T unkeyed = group.unkeyed;
            if (unkeyed != null) {
                entries.add(Map.entry(InstanceId.of(name), unkeyed));
            }
            group.keys.forEach((key, keyed) -> entries.add(Map.entry(new InstanceId(name, key), keyed.instance)));
        });
        entries.sort(Comparator.comparing(entry -> entry.getKey().displayName()));
        Map<InstanceId, T> snapshot = new LinkedHashMap<>();
        entries.forEach(entry -> snapshot.put(entry.getKey(), entry.getValue()));
        return snapshot;
    }

    /**
     * Adds a listener and tells it about every instance that already exists.
     *
     * @param listener the listener
     */
    public void addListener(RegistryListener<? super T> listener) {
        synchronized (mutations) {
            listeners.add(listener);
            all().forEach(listener::onAdded);
        }
    }

    /**
     * Drops every keyed instance of every name, telling listeners {@code onRemoved} for each (as an
     * eviction would); un-keyed instances stay. The next {@code get(name, key)} creates a fresh instance.
     * Meant for tests and operators that want keyed state gone; a caller still holding a dropped instance
     * may keep using it, but it is no longer reachable through the registry.
     *
     * <p>Thread safe: runs under the same lock as creation and eviction, so listeners see each dropped
     * instance's {@code onAdded} before its {@code onRemoved}. A key created concurrently either is
     * dropped too or survives whole.
     *
     * @return how many keyed instances were dropped
     */
    public int removeKeyedInstances() {
        synchronized (mutations) {
            int removed = 0;
            for (Group<T> group : groups.values()) {
                for (Map.Entry<String, Keyed<T>> entry : group.keys.entrySet()) {
                    group.keys.remove(entry.getKey());
                    InstanceId id = new InstanceId(group.name, entry.getKey());
                    for (RegistryListener<? super T> listener : listeners) {
                        listener.onRemoved(id, entry.getValue().instance);
                    }
                    removed++;
                }
            }
            return removed;
        }
    }

    private Group<T> group(String name) {
        Group<T> group = groups.get(name);
        return group != null ? group : groups.computeIfAbsent(name, Group::new);
    }

    private T unkeyed(Group<T> group) {
        synchronized (mutations) {
            T instance = group.unkeyed;
            if (instance == null) {
                InstanceId id = InstanceId.of(group.name);
                instance = Objects.requireNonNull(factory.apply(id), "factory returned null");
                group.unkeyed = instance;
                for (RegistryListener<? super T> listener : listeners) {
                    listener.onAdded(id, instance);
                }
            }
            return instance;
        }
    }

    private T keyed(Group<T> group, String key) {
        synchronized (mutations) {
            Keyed<T> keyed = group.keys.get(key);
            if (keyed == null) {
                InstanceId id = new InstanceId(group.name, key);
                keyed = new Keyed<>(Objects.requireNonNull(factory.apply(id), "factory returned null"));
                keyed.lastUsed = group.clock.incrementAndGet();
                group.keys.put(key, keyed);
                for (RegistryListener<? super T> listener : listeners) {
                    listener.onAdded(id, keyed.instance);
                }
                evictBeyond(group, maxKeys.applyAsInt(group.name));
            }
            return keyed.instance;
        }
    }

    private void evictBeyond(Group<T> group, int max) {
        while (group.keys.size() > max) {
            Map.Entry<String, Keyed<T>> oldest = null;
            for (Map.Entry<String, Keyed<T>> entry : group.keys.entrySet()) {
                if (oldest == null || entry.getValue().lastUsed < oldest.getValue().lastUsed) {
                    oldest = entry;
                }
            }
            group.keys.remove(oldest.getKey());
            InstanceId id = new InstanceId(group.name, oldest.getKey());
            for (RegistryListener<? super T> listener : listeners) {
                listener.onRemoved(id, oldest.getValue().instance);
            }
        }
    }

    private static final class Group<T> {
        final String name;
        final ConcurrentHashMap<String, Keyed<T>> keys = new ConcurrentHashMap<>();
        final AtomicLong clock = new AtomicLong();
        volatile T unkeyed;

        Group(String name) {
            this.name = name;
        }
    }

    private static final class Keyed<T> {
        final T instance;
        volatile long lastUsed;

        Keyed(T instance) {
            this.instance = instance;
        }
    }
}
