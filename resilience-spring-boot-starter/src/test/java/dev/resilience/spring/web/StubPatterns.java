package dev.resilience.spring.web;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.CircuitBreakerView;
import dev.resilience.spring.actuate.InstanceView;
import dev.resilience.spring.actuate.PatternSection;
import dev.resilience.spring.actuate.PatternType;
import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.time.ManualClock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code resilience} endpoint with all five sections filled: real circuit breakers, and stand-ins for
 * bulkheads, retries, timeouts and rate limiters whose fields, config and events are set by the test in
 * the shape SPEC §5 fixes. The dashboard renders sections from the endpoint's JSON alone, so this shows
 * its rendering of every pattern without depending on the patterns' own views.
 */
@Configuration(proxyBeanMethods = false)
class StubPatterns {

    private final Map<PatternType, InstanceRegistry<Stub>> registries = new EnumMap<>(PatternType.class);

    StubPatterns(ManualClock clock) {
        for (PatternType type : List.of(PatternType.BULKHEAD, PatternType.RETRY, PatternType.TIMEOUT, PatternType.RATE_LIMITER)) {
            registries.put(type, new InstanceRegistry<>(id -> new Stub(id.displayName(), clock), name -> 10));
        }
    }

    /**
     * A stand-in instance of a pattern.
     *
     * @param type the pattern
     * @param name its name
     * @return the instance, created on first use
     */
    Stub get(PatternType type, String name) {
        return registries.get(type).get(name);
    }

    @Bean
    ResilienceEndpoint resilienceEndpoint(InstanceRegistry<CircuitBreaker> breakers) {
        List<PatternSection<?>> sections = new ArrayList<>();
        sections.add(PatternSection.bind(new CircuitBreakerView(), breakers, false));
        registries.forEach((type, registry) -> sections.add(PatternSection.bind(new StubView(type), registry, false)));
        return new ResilienceEndpoint(sections);
    }

    /** A stand-in instance: fields and config as the test sets them, reset to zero by the reset action. */
    static final class Stub {

        private final String name;
        private final ManualClock clock;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final EventPublisher<StubEvent> events = new EventPublisher<>();

        Stub(String name, ManualClock clock) {
            this.name = name;
            this.clock = clock;
        }

        synchronized Stub fields(Map<String, Object> values) {
            fields.putAll(values);
            return this;
        }

        synchronized Stub config(Map<String, Object> values) {
            config.putAll(values);
            return this;
        }

        Stub event(EventType type, Map<String, Object> details) {
            events.publish(new StubEvent(type, name, clock.epochMillis(), details));
            return this;
        }

        synchronized Map<String, Object> fields() {
            return new LinkedHashMap<>(fields);
        }

        synchronized Map<String, Object> config() {
            return new LinkedHashMap<>(config);
        }

        /** Zeroes every counter, keeping sizes and durations, as the patterns' reset does. */
        synchronized void reset() {
            fields.replaceAll((key, value) -> key.startsWith("max") || key.equals("duration") || key.equals("availablePermits")
                    ? value : Integer.valueOf(0));
        }
    }

    record StubEvent(EventType type, String instanceName, long epochMillis, Map<String, Object> details) implements ResilienceEvent {
    }

    private record StubView(PatternType type) implements InstanceView<Stub> {

        @Override
        public Class<Stub> instanceType() {
            return Stub.class;
        }

        @Override
        public Map<String, Object> fields(Stub instance) {
            return instance.fields();
        }

        @Override
        public Map<String, Object> config(Stub instance) {
            return instance.config();
        }

        @Override
        public EventPublisher<StubEvent> events(Stub instance) {
            return instance.events;
        }

        @Override
        public Map<String, Consumer<Stub>> actions() {
            return Map.of("reset", Stub::reset);
        }
    }
}
