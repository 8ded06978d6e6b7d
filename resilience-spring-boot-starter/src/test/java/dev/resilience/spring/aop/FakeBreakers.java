package dev.resilience.spring.aop;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the interception needs from the rest of the starter, with {@link FakeCircuitBreaker}s that
 * open after 3 failures in a row for 10 seconds of a {@link ManualClock}.
 */
@Configuration(proxyBeanMethods = false)
class FakeBreakers {

    static final int THRESHOLD = 3;
    static final Duration WAIT = Duration.ofSeconds(10);

    @Bean
    Trace trace() {
        return new Trace();
    }

    @Bean
    ManualClock clock() {
        return new ManualClock();
    }

    @Bean
    InstanceRegistry<CircuitBreaker> circuitBreakerRegistry(ManualClock clock, Trace trace) {
        return new InstanceRegistry<>(id -> new FakeCircuitBreaker(id.displayName(), clock, THRESHOLD, WAIT,
                () -> trace.add("CircuitBreaker")), name -> 100);
    }

    /** What the layers did, in order; breakers add {@code "CircuitBreaker"} when asked for a permit. */
    static final class Trace {
        final Queue<String> entries = new ConcurrentLinkedQueue<>();

        void add(String entry) {
            entries.add(entry);
        }
    }

    static FakeCircuitBreaker breaker(InstanceRegistry<?> registry, String name) {
        return (FakeCircuitBreaker) registry.find(InstanceId.of(name)).orElseThrow(() -> new AssertionError("no breaker " + name));
    }

    static FakeCircuitBreaker breaker(InstanceRegistry<?> registry, String name, String key) {
        return (FakeCircuitBreaker) registry.find(new InstanceId(name, key)).orElseThrow(() -> new AssertionError("no breaker " + name + "[" + key + "]"));
    }
}
