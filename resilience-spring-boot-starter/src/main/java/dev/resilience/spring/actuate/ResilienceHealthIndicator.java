package dev.resilience.spring.actuate;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerSnapshot;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code resilience} health contributor: one detail per circuit breaker,
 * {@code {"<name>": {"state": "OPEN", "failureRate": 100.0}}}, keyed breakers included as
 * {@code name[key]} (there are at most {@code max-keys} of them per name).
 *
 * <p>The status is UP, unless {@code resilience.health.down-on-open} is set and some breaker, keyed or
 * not, is OPEN or FORCED_OPEN: then it is DOWN. HALF_OPEN counts as UP (the breaker is already letting
 * probes through, and turning the application DOWN then would take away the traffic that can close it);
 * so does DISABLED. Thread safe: every call reads the registry afresh.
 */
public final class ResilienceHealthIndicator implements HealthIndicator {

    private final @Nullable InstanceRegistry<CircuitBreaker> circuitBreakers;
    private final boolean downOnOpen;

    /**
     * Creates the contributor.
     *
     * @param circuitBreakers the circuit breaker registry, or {@code null} if there is none (the details
     *     are then empty and the status UP)
     * @param downOnOpen whether an OPEN or FORCED_OPEN breaker makes the status DOWN
     */
    public ResilienceHealthIndicator(@Nullable InstanceRegistry<CircuitBreaker> circuitBreakers, boolean downOnOpen) {
        this.circuitBreakers = circuitBreakers;
        this.downOnOpen = downOnOpen;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean open = false;
        if (circuitBreakers != null) {
            for (Map.Entry<InstanceId, CircuitBreaker> entry : circuitBreakers.all().entrySet()) {
                CircuitBreakerSnapshot snapshot = entry.getValue().snapshot();
                CircuitBreakerState state = snapshot.state();
                open |= state == CircuitBreakerState.OPEN || state == CircuitBreakerState.FORCED_OPEN;
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("state", state.name());
                detail.put("failureRate", snapshot.failureRate());
                details.put(entry.getKey().displayName(), detail);
            }
        }
        Health.Builder health = downOnOpen && open ? Health.down() : Health.up();
        return health.withDetails(details).build();
    }
}
