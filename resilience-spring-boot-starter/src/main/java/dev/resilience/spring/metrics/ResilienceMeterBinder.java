package dev.resilience.spring.metrics;

import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.InstanceAttachments;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;

/**
 * Binds the meters of every pattern that has both {@link InstanceMeters} and a registry: meters appear
 * when an instance is created (those created before binding included) and go when it is evicted. Every
 * meter carries the tag {@code name}, and {@code key} for a keyed instance.
 *
 * <p>Thread safe; may be bound to several meter registries, each then gets its own meters.
 */
public final class ResilienceMeterBinder implements MeterBinder {

    private final List<Binding<?>> bindings;

    /**
     * Creates the binder.
     *
     * @param bindings one per pattern to meter
     */
    public ResilienceMeterBinder(List<? extends Binding<?>> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindings.forEach(binding -> binding.bindTo(registry));
    }

    /**
     * The tags of an instance.
     *
     * @param id the instance's id
     * @return {@code name}, and {@code key} if keyed
     */
    static Tags tags(InstanceId id) {
        Tags tags = Tags.of("name", id.name());
        return id.keyed() ? tags.and("key", id.key()) : tags;
    }

    /**
     * One pattern's meters and registry.
     *
     * @param meters the pattern's meters
     * @param registry the pattern's registry
     * @param <T> the instance type
     */
    public record Binding<T>(InstanceMeters<T> meters, InstanceRegistry<T> registry) {

        /**
         * Checks the parts.
         *
         * @param meters the pattern's meters
         * @param registry the pattern's registry
         */
        public Binding {
            Objects.requireNonNull(meters, "meters");
            Objects.requireNonNull(registry, "registry");
        }

        void bindTo(MeterRegistry meterRegistry) {
            registry.addListener(new InstanceAttachments<T, MeterSet>((id, instance) -> {
                MeterSet set = new MeterSet(meterRegistry);
                meters.register(instance, tags(id), set);
                return set;
            }, MeterSet::close));
        }
    }
}
