package dev.resilience.spring.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

@Tag("concurrency")
class RegistryEventSubscriptionsConcurrencyTests {

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyTransitionOfInstancesCreatedConcurrentlyReachesTheSinkExactlyOnce(ThreadKind kind) {
        InstanceRegistry<CircuitBreaker> registry = Breakers.registry(new ManualClock());
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("circuitBreakerRegistry", registry);
        Map<String, AtomicInteger> transitions = new ConcurrentHashMap<>();
        ResilienceEventSink sink = new ResilienceEventSink() {
            @Override
            public Set<EventType> eventTypes() {
                return Set.of(EventType.STATE_TRANSITION);
            }

            @Override
            public void accept(String kind, ResilienceEvent event) {
                transitions.computeIfAbsent(kind + " " + event.instanceName(), name -> new AtomicInteger()).incrementAndGet();
            }
        };
        RegistryEventSubscriptions subscriptions = new RegistryEventSubscriptions(beans, List.of(sink));
        CountDownLatch subscribed = new CountDownLatch(1);

        // thread 0 subscribes while the others create their instances (before, during or after: each must
        // end up subscribed exactly once); then each of the others flips its own breaker 50 times
        Concurrently.run(kind, 8, Duration.ofSeconds(30), index -> {
            if (index == 0) {
                subscriptions.afterSingletonsInstantiated();
                subscribed.countDown();
                return;
            }
            CircuitBreaker breaker = registry.get("tenant-" + index);
            assertThat(subscribed.await(20, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 50; i++) {
                breaker.forceOpen();
                breaker.reset();
            }
        });

        assertThat(transitions).hasSize(7);
        transitions.forEach((name, count) -> assertThat(count).as(name).hasValue(100));
        assertThat(transitions).containsKey("CircuitBreaker tenant-1");
    }
}
