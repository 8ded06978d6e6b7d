package dev.resilience.spring.actuate;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerSnapshot;
import dev.resilience.event.EventPublisher;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Circuit breakers in the {@code resilience} endpoint: fields {@code state}, {@code failureRate},
 * {@code slowCallRate} (both percent, -1 until {@code minimum-number-of-calls}), {@code bufferedCalls},
 * {@code failedCalls}, {@code slowCalls}, {@code notPermittedCalls}, and for an adaptive breaker
 * {@code failureRateThreshold} (percent, the threshold in effect now); actions {@code reset} (CLOSED, window
 * cleared), {@code force-open} and {@code disable}; then the fields of any {@link InstanceFields} given
 * (such as {@code healthCheck}). Immutable and thread safe.
 */
public final class CircuitBreakerView implements InstanceView<CircuitBreaker> {

    private static final Map<String, Consumer<CircuitBreaker>> ACTIONS = actionTable();

    private final List<InstanceFields<CircuitBreaker>> extraFields;

    /** A view with the contract's fields only. */
    public CircuitBreakerView() {
        this(List.of());
    }

    /**
     * A view that also shows the fields of other features, after its own.
     *
     * @param extraFields the features' fields, in display order
     */
    public CircuitBreakerView(List<InstanceFields<CircuitBreaker>> extraFields) {
        this.extraFields = List.copyOf(extraFields);
    }

    @Override
    public PatternType type() {
        return PatternType.CIRCUIT_BREAKER;
    }

    @Override
    public Class<CircuitBreaker> instanceType() {
        return CircuitBreaker.class;
    }

    @Override
    public Map<String, Object> fields(CircuitBreaker breaker) {
        // one snapshot, so that the fields agree with each other
        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", snapshot.state().name());
        fields.put("failureRate", snapshot.failureRate());
        fields.put("slowCallRate", snapshot.slowCallRate());
        fields.put("bufferedCalls", snapshot.bufferedCalls());
        fields.put("failedCalls", snapshot.failedCalls());
        fields.put("slowCalls", snapshot.slowCalls());
        fields.put("notPermittedCalls", snapshot.notPermittedCalls());
        if (breaker.config().adaptive().enabled()) {
            fields.put("failureRateThreshold", breaker.failureRateThreshold());
        }
        extraFields.forEach(extra -> extra.addTo(breaker, fields));
        return fields;
    }

    @Override
    public Map<String, Object> config(CircuitBreaker breaker) {
        return breaker.config().asMap();
    }

    @Override
    public EventPublisher<CircuitBreakerEvent> events(CircuitBreaker breaker) {
        return breaker.events();
    }

    @Override
    public Map<String, Consumer<CircuitBreaker>> actions() {
        return ACTIONS;
    }

    private static Map<String, Consumer<CircuitBreaker>> actionTable() {
        Map<String, Consumer<CircuitBreaker>> actions = new LinkedHashMap<>();
        actions.put("reset", CircuitBreaker::reset);
        actions.put("force-open", CircuitBreaker::forceOpen);
        actions.put("disable", CircuitBreaker::disable);
        return Collections.unmodifiableMap(actions);
    }
}
