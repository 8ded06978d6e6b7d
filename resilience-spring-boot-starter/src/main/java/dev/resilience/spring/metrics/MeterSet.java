package dev.resilience.spring.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The meters of one instance, registered in one {@link MeterRegistry}, and the event subscriptions that
 * feed them; {@link #close()} removes them all when the instance is evicted.
 *
 * <p>Thread safe. Registration and closing share one short lock, so a meter registered lazily (a
 * counter made by the first event of its kind) never outlives the instance: once closed, nothing more is
 * registered. The lock is taken on registration and eviction only, never when a meter is read or
 * incremented.
 */
public final class MeterSet {

    private final MeterRegistry registry;
    private final Set<Meter> meters = new LinkedHashSet<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private boolean closed;

    /**
     * An empty set.
     *
     * @param registry where the meters are registered
     */
    public MeterSet(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Registers a meter (or finds the one already registered with the same id) and keeps it for removal.
     *
     * @param registration registers the meter in the given registry, such as
     *     {@code r -> Counter.builder(...).register(r)}
     * @param <M> the meter type
     * @return the meter, or {@code null} if this set is already closed (nothing is registered then)
     */
    public synchronized <M extends Meter> @Nullable M register(Function<MeterRegistry, M> registration) {
        if (closed) {
            return null;
        }
        M meter = registration.apply(registry);
        meters.add(meter);
        return meter;
    }

    /**
     * Runs an action on {@link #close()}, such as cancelling an event subscription; at once if already
     * closed.
     *
     * @param action the action
     */
    public void onClose(Runnable action) {
        synchronized (this) {
            if (!closed) {
                onClose.add(action);
                return;
            }
        }
        action.run();
    }

    /** Runs the close actions, then removes every meter from the registry. Idempotent. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.forEach(Runnable::run);
        meters.forEach(registry::remove);
        meters.clear();
    }
}
