package dev.resilience.spring.actuate;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadEvent;
import dev.resilience.bulkhead.BulkheadSnapshot;
import dev.resilience.event.EventPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bulkheads in the {@code resilience} endpoint: fields {@code activeCalls}, {@code queuedCalls},
 * {@code maxConcurrentCalls}, {@code maxQueueSize}, {@code rejectedCalls}, and for an adaptive bulkhead
 * {@code concurrencyLimit} (the limit in effect now); events {@code REJECTED} with
 * {@code reason}; action {@code reset} (statistics cleared; running and queued calls keep their places).
 * Stateless and thread safe.
 */
public final class BulkheadView implements InstanceView<Bulkhead> {

    private static final Map<String, Consumer<Bulkhead>> ACTIONS = Map.of("reset", Bulkhead::reset);

    @Override
    public PatternType type() {
        return PatternType.BULKHEAD;
    }

    @Override
    public Class<Bulkhead> instanceType() {
        return Bulkhead.class;
    }

    @Override
    public Map<String, Object> fields(Bulkhead bulkhead) {
        // one snapshot, so that the fields agree with each other
        BulkheadSnapshot snapshot = bulkhead.snapshot();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("activeCalls", snapshot.activeCalls());
        fields.put("queuedCalls", snapshot.queuedCalls());
        fields.put("maxConcurrentCalls", snapshot.maxConcurrentCalls());
        fields.put("maxQueueSize", snapshot.maxQueueSize());
        fields.put("rejectedCalls", snapshot.rejectedCalls());
        if (bulkhead.config().adaptive().enabled()) {
            fields.put("concurrencyLimit", bulkhead.concurrencyLimit());
        }
        return fields;
    }

    @Override
    public Map<String, Object> config(Bulkhead bulkhead) {
        return bulkhead.config().asMap();
    }

    @Override
    public EventPublisher<BulkheadEvent> events(Bulkhead bulkhead) {
        return bulkhead.events();
    }

    @Override
    public Map<String, Consumer<Bulkhead>> actions() {
        return ACTIONS;
    }
}
