package dev.resilience.spring.actuate;

import dev.resilience.event.EventPublisher;
import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutEvent;
import dev.resilience.timeout.TimeoutSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Timeouts in the {@code resilience} endpoint: fields {@code duration} (ISO-8601, such as {@code PT2S}),
 * {@code successfulCalls}, {@code failedCalls}, {@code timedOutCalls} (disjoint, SPEC ruling 10); action
 * {@code reset} (statistics cleared). Stateless and thread safe.
 */
public final class TimeoutView implements InstanceView<Timeout> {

    private static final Map<String, Consumer<Timeout>> ACTIONS = Map.of("reset", Timeout::reset);

    @Override
    public PatternType type() {
        return PatternType.TIMEOUT;
    }

    @Override
    public Class<Timeout> instanceType() {
        return Timeout.class;
    }

    @Override
    public Map<String, Object> fields(Timeout timeout) {
        // one snapshot, so that the fields agree with each other
        TimeoutSnapshot snapshot = timeout.snapshot();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("duration", snapshot.duration().toString());
        fields.put("successfulCalls", snapshot.successfulCalls());
        fields.put("failedCalls", snapshot.failedCalls());
        fields.put("timedOutCalls", snapshot.timedOutCalls());
        return fields;
    }

    @Override
    public Map<String, Object> config(Timeout timeout) {
        return timeout.config().asMap();
    }

    @Override
    public EventPublisher<TimeoutEvent> events(Timeout timeout) {
        return timeout.events();
    }

    @Override
    public Map<String, Consumer<Timeout>> actions() {
        return ACTIONS;
    }
}
