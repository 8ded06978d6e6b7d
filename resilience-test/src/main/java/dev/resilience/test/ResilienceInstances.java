package dev.resilience.test;

import dev.resilience.Resettable;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.timeout.Timeout;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * A test's view of the application's resilience instances: every {@code InstanceRegistry} bean of the
 * context, whatever its pattern. Tests use it to reach an instance (to force a state, say) and to reset
 * everything between tests; {@link ResilienceTest} registers one as a bean.
 *
 * <pre>{@code
 * @Autowired ResilienceInstances resilience;
 *
 * resilience.circuitBreaker("payments").forceOpen();
 * }</pre>
 *
 * <p>Thread safe: it holds no state of its own and the registries are thread safe.
 */
public final class ResilienceInstances {

    private final ListableBeanFactory beans;

    /**
     * Creates the view.
     *
     * @param beans the application context (or its bean factory)
     */
    public ResilienceInstances(ListableBeanFactory beans) {
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    /**
     * The registry of one pattern.
     *
     * @param instanceType the pattern's instance type, such as {@code CircuitBreaker.class}
     * @param <T> the instance type
     * @return the registry bean
     * @throws IllegalStateException if the context has no single {@code InstanceRegistry<T>} bean
     */
    public <T> InstanceRegistry<T> registry(Class<T> instanceType) {
        return findRegistry(instanceType).orElseThrow(() -> new IllegalStateException(
                "No single InstanceRegistry<" + instanceType.getSimpleName() + "> bean in the context"));
    }

    /**
     * The registry of one pattern, if the context defines exactly one.
     *
     * @param instanceType the pattern's instance type
     * @param <T> the instance type
     * @return the registry bean, or empty
     */
    public <T> Optional<InstanceRegistry<T>> findRegistry(Class<T> instanceType) {
        ResolvableType type = ResolvableType.forClassWithGenerics(InstanceRegistry.class, instanceType);
        return Optional.ofNullable(beans.<InstanceRegistry<T>>getBeanProvider(type).getIfUnique());
    }

    /**
     * The circuit breaker of a name, created (with its configuration) if no call has used it yet.
     *
     * @param name the instance name
     * @return the breaker
     */
    public CircuitBreaker circuitBreaker(String name) {
        return registry(CircuitBreaker.class).get(name);
    }

    /**
     * The circuit breaker of a name and key ({@code name[key]}), created if needed.
     *
     * @param name the instance name
     * @param key the key
     * @return the breaker
     */
    public CircuitBreaker circuitBreaker(String name, Object key) {
        return registry(CircuitBreaker.class).get(name, key);
    }

    /**
     * The bulkhead of a name, created if needed.
     *
     * @param name the instance name
     * @return the bulkhead
     */
    public Bulkhead bulkhead(String name) {
        return registry(Bulkhead.class).get(name);
    }

    /**
     * The rate limiter of a name, created if needed.
     *
     * @param name the instance name
     * @return the rate limiter
     */
    public RateLimiter rateLimiter(String name) {
        return registry(RateLimiter.class).get(name);
    }

    /**
     * The retry of a name, created if needed.
     *
     * @param name the instance name
     * @return the retry
     */
    public Retry retry(String name) {
        return registry(Retry.class).get(name);
    }

    /**
     * The timeout of a name, created if needed.
     *
     * @param name the instance name
     * @return the timeout
     */
    public Timeout timeout(String name) {
        return registry(Timeout.class).get(name);
    }

    /**
     * Resets every instance of every registry bean: keyed instances are dropped (listeners, such as the
     * metrics, see them removed) and every remaining instance is {@link Resettable#reset() reset}, which
     * for a circuit breaker means CLOSED with an empty window and cleared statistics. Un-keyed instances
     * stay, so instances declared under {@code instances} keep existing, as after startup.
     *
     * <p>Call it when no protected call is running; a call in flight may still record its outcome after.
     */
    public void resetAll() {
        for (InstanceRegistry<?> registry : beans.getBeansOfType(InstanceRegistry.class, false, false).values()) {
            registry.removeKeyedInstances();
            for (Object instance : registry.all().values()) {
                if (instance instanceof Resettable resettable) {
                    resettable.reset();
                }
            }
        }
    }
}
