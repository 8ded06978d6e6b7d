package dev.resilience.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class InstanceRegistryConcurrencyTests {

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentFirstCallsCreateExactlyOneInstancePerId(ThreadKind kind) {
        AtomicInteger created = new AtomicInteger();
        InstanceRegistry<Object> registry = new InstanceRegistry<>(id -> {
            created.incrementAndGet();
            return new Object();
        }, name -> 1000);
        Map<Integer, Object> seen = new ConcurrentHashMap<>();

        Concurrently.run(kind, 8, Duration.ofSeconds(30), index -> {
            for (int key = 0; key < 200; key++) {
                Object instance = registry.get("stock", key);
                Object first = seen.putIfAbsent(key, instance);
                assertThat(first == null || first == instance).as("one instance for key %s", key).isTrue();
            }
            registry.get("payments");
        });

        assertThat(created).hasValue(201);
        assertThat(registry.all()).hasSize(201);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void listenersSeeEveryAddBeforeItsRemovalAndTheBoundHolds(ThreadKind kind) {
        int maxKeys = 16;
        InstanceRegistry<Object> registry = new InstanceRegistry<>(id -> new Object(), name -> maxKeys);
        Map<InstanceId, Object> live = new ConcurrentHashMap<>();
        AtomicInteger violations = new AtomicInteger();
        registry.addListener(new RegistryListener<>() {
            @Override
            public void onAdded(InstanceId id, Object instance) {
                if (live.put(id, instance) != null) {
                    violations.incrementAndGet();
                }
            }

            @Override
            public void onRemoved(InstanceId id, Object instance) {
                if (!live.remove(id, instance)) {
                    violations.incrementAndGet();
                }
            }
        });

        Concurrently.run(kind, 8, Duration.ofSeconds(30), index -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 5_000; i++) {
                registry.get("tenant", random.nextInt(64));
            }
        });

        assertThat(violations).hasValue(0);
        assertThat(registry.all()).hasSize(maxKeys);
        assertThat(live).hasSize(maxKeys);
        registry.all().forEach((id, instance) -> assertThat(live.get(id)).isSameAs(instance));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void removingKeyedInstancesWhileOthersCreateThemKeepsListenersAndRegistryInAgreement(ThreadKind kind) {
        InstanceRegistry<Object> registry = new InstanceRegistry<>(id -> new Object(), name -> 1000);
        Map<InstanceId, Object> live = new ConcurrentHashMap<>();
        AtomicInteger violations = new AtomicInteger();
        registry.addListener(new RegistryListener<>() {
            @Override
            public void onAdded(InstanceId id, Object instance) {
                if (live.put(id, instance) != null) {
                    violations.incrementAndGet();
                }
            }

            @Override
            public void onRemoved(InstanceId id, Object instance) {
                if (!live.remove(id, instance)) {
                    violations.incrementAndGet();
                }
            }
        });

        Concurrently.run(kind, 8, Duration.ofSeconds(30), index -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 5_000; i++) {
                if (index == 0 && i % 100 == 0) {
                    registry.removeKeyedInstances();
                } else {
                    registry.get("tenant", random.nextInt(64));
                }
            }
        });

        assertThat(violations).hasValue(0);
        assertThat(live).isEqualTo(registry.all());
        registry.removeKeyedInstances();
        assertThat(registry.all()).isEmpty();
        assertThat(live).isEmpty();
    }
}
