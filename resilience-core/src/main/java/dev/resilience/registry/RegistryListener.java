package dev.resilience.registry;

/**
 * Told when a registry creates or drops an instance; metrics use it to add and remove meters.
 * Called on the thread that caused the change; must be quick and thread safe.
 *
 * @param <T> the instance type
 */
public interface RegistryListener<T> {

    /**
     * An instance was created.
     *
     * @param id its id
     * @param instance the instance
     */
    void onAdded(InstanceId id, T instance);

    /**
     * A keyed instance was dropped: evicted (least recently used, over {@code max-keys}) or removed by
     * {@link InstanceRegistry#removeKeyedInstances()}.
     *
     * @param id its id
     * @param instance the instance
     */
    default void onRemoved(InstanceId id, T instance) {
    }
}
