package dev.resilience.spring.actuate;

import dev.resilience.event.EventPublisher;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryEvent;
import dev.resilience.retry.RetrySnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Retries in the {@code resilience} endpoint: fields {@code successfulWithoutRetry},
 * {@code successfulWithRetry}, {@code failedWithoutRetry}, {@code failedWithRetry}; action {@code reset}
 * (statistics and the retry budget's window cleared). Stateless and thread safe.
 */
public final class RetryView implements InstanceView<Retry> {

    private static final Map<String, Consumer<Retry>> ACTIONS = Map.of("reset", Retry::reset);

    @Override
    public PatternType type() {
        return PatternType.RETRY;
    }

    @Override
    public Class<Retry> instanceType() {
        return Retry.class;
    }

    @Override
    public Map<String, Object> fields(Retry retry) {
        // one snapshot, so that the fields agree with each other
        RetrySnapshot snapshot = retry.snapshot();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("successfulWithoutRetry", snapshot.successfulWithoutRetry());
        fields.put("successfulWithRetry", snapshot.successfulWithRetry());
        fields.put("failedWithoutRetry", snapshot.failedWithoutRetry());
        fields.put("failedWithRetry", snapshot.failedWithRetry());
        return fields;
    }

    @Override
    public Map<String, Object> config(Retry retry) {
        return retry.config().asMap();
    }

    @Override
    public EventPublisher<RetryEvent> events(Retry retry) {
        return retry.events();
    }

    @Override
    public Map<String, Consumer<Retry>> actions() {
        return ACTIONS;
    }
}
