package dev.resilience.spring.actuate;

import dev.resilience.registry.InstanceId;
import dev.resilience.registry.RegistryListener;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Keeps one attachment (an event buffer, a set of meters) per live instance of a registry: made when the
 * registry adds an instance, released when it evicts it. Used by the endpoint's recent events and by the
 * Micrometer meters; it holds no Actuator or Micrometer type itself.
 *
 * <p>Thread safe. The registry calls listeners on the threads that create and evict instances, so the
 * calls for one id can arrive out of order or twice: an eviction can overtake the creation it undoes (a
 * new key is evictable before its creator has told the listeners), and {@code addListener} replays
 * instances that a concurrent creation also reports. Each change is therefore one atomic step on the
 * id's entry, comparing instances by identity: a repeated add is ignored, an eviction that arrives first
 * leaves a marker that cancels the late add, and an add for a newer instance of the same id first
 * releases the older one's attachment. Attach and release run inside that step and must be quick.
 * One order is not caught: a replayed add that arrives after the eviction of the same instance has
 * been handled attaches it again; replays happen only while a listener is being added (at startup).
 * The marker of an eviction that overtook its creation is consumed by that creation's add.
 *
 * @param <T> the instance type
 * @param <A> the attachment type
 */
public final class InstanceAttachments<T, A> implements RegistryListener<T> {

    private final BiFunction<InstanceId, T, A> attach;
    private final Consumer<A> release;
    private final ConcurrentHashMap<InstanceId, Entry<T, A>> entries = new ConcurrentHashMap<>();

    /**
     * Creates the listener; add it to a registry with {@code InstanceRegistry.addListener}.
     *
     * @param attach makes the attachment of a new instance; never returns null
     * @param release releases the attachment of an evicted instance
     */
    public InstanceAttachments(BiFunction<InstanceId, T, A> attach, Consumer<A> release) {
        this.attach = Objects.requireNonNull(attach, "attach");
        this.release = Objects.requireNonNull(release, "release");
    }

    @Override
    public void onAdded(InstanceId id, T instance) {
        entries.compute(id, (key, current) -> {
            if (current != null && current.instance == instance) {
                // a repeated add keeps the attachment; an eviction that came first cancels this add
                return current.released() ? null : current;
            }
            if (current != null && !current.released()) {
                release.accept(current.attachment);
            }
            return new Entry<>(instance, Objects.requireNonNull(attach.apply(id, instance), "attachment"));
        });
    }

    @Override
    public void onRemoved(InstanceId id, T instance) {
        entries.compute(id, (key, current) -> {
            if (current == null || current.released()) {
                return new Entry<>(instance, null);
            }
            if (current.instance != instance) {
                // an older instance of this id; its attachment was released when the newer one came
                return current;
            }
            release.accept(current.attachment);
            return null;
        });
    }

    /**
     * The attachment of a live instance.
     *
     * @param id the instance's id
     * @param instance the instance, compared by identity
     * @return the attachment, or empty if the instance is not (or no longer) attached
     */
    public Optional<A> get(InstanceId id, T instance) {
        Entry<T, A> entry = entries.get(id);
        return entry == null || entry.instance != instance ? Optional.empty() : Optional.ofNullable(entry.attachment);
    }

    private record Entry<T, A>(T instance, A attachment) {
        boolean released() {
            return attachment == null;
        }
    }
}
