package dev.resilience.spring.autoconfigure;

import dev.resilience.registry.InstanceRegistry;
import java.util.Optional;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Finds a pattern's {@code InstanceRegistry<T>} bean by its generic type, for the observability
 * auto-configurations (endpoint and metrics), which bind one view per pattern to its registry.
 */
final class PatternRegistries {

    private PatternRegistries() {
    }

    /**
     * The registry of a pattern, if the context defines exactly one.
     *
     * @param beans the bean factory
     * @param instanceType the pattern's instance type, such as {@code CircuitBreaker.class}
     * @param <T> the instance type
     * @return the registry, or empty if the pattern is not wired (or ambiguous)
     */
    static <T> Optional<InstanceRegistry<T>> find(ListableBeanFactory beans, Class<T> instanceType) {
        ResolvableType type = ResolvableType.forClassWithGenerics(InstanceRegistry.class, instanceType);
        return Optional.ofNullable(beans.<InstanceRegistry<T>>getBeanProvider(type).getIfUnique());
    }
}
