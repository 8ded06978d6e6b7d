package dev.resilience.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InstanceRegistryTests {

    private final AtomicInteger created = new AtomicInteger();
    private final InstanceRegistry<String> registry = new InstanceRegistry<>(
            id -> id.displayName() + "#" + created.incrementAndGet(), name -> 3);

    @Test
    void createsOneUnkeyedInstancePerNameAndReusesIt() {
        String first = registry.get("payments");

        assertThat(registry.get("payments")).isSameAs(first);
        assertThat(first).isEqualTo("payments#1");
        assertThat(registry.get("orders")).isEqualTo("orders#2");
    }

    @Test
    void nullKeyMeansTheUnkeyedInstance() {
        assertThat(registry.get("payments", null)).isSameAs(registry.get("payments"));
        assertThat(created).hasValue(1);
    }

    @Test
    void keysAreComparedByTheirTextForm() {
        String byNumber = registry.get("stock", 42);

        assertThat(registry.get("stock", "42")).isSameAs(byNumber);
        assertThat(byNumber).isEqualTo("stock[42]#1");
    }

    @Test
    void evictsTheLeastRecentlyUsedKeyBeyondMaxKeys() {
        List<String> removed = new ArrayList<>();
        registry.addListener(new RegistryListener<>() {
            @Override
            public void onAdded(InstanceId id, String instance) {
            }

            @Override
            public void onRemoved(InstanceId id, String instance) {
                removed.add(id.displayName());
            }
        });
        registry.get("stock", "a");
        registry.get("stock", "b");
        registry.get("stock", "c");
        registry.get("stock", "a");

        registry.get("stock", "d");

        assertThat(removed).containsExactly("stock[b]");
        assertThat(registry.find(new InstanceId("stock", "b"))).isEmpty();
        assertThat(registry.all().keySet()).extracting(InstanceId::displayName)
                .containsExactly("stock[a]", "stock[c]", "stock[d]");
    }

    @Test
    void theUnkeyedInstanceIsNotCountedAgainstMaxKeys() {
        registry.get("stock");
        for (String key : List.of("a", "b", "c")) {
            registry.get("stock", key);
        }

        assertThat(registry.all()).hasSize(4);
    }

    @Test
    void findNeverCreates() {
        assertThat(registry.find(InstanceId.of("payments"))).isEmpty();
        assertThat(registry.find(new InstanceId("payments", "x"))).isEmpty();
        assertThat(created).hasValue(0);
    }

    @Test
    void aNewListenerIsToldAboutExistingInstances() {
        registry.get("payments");
        registry.get("stock", "a");
        List<String> added = new ArrayList<>();

        registry.addListener((id, instance) -> added.add(id.displayName()));

        assertThat(added).containsExactly("payments", "stock[a]");
    }

    @Test
    void removeKeyedInstancesDropsEveryKeyTellsListenersAndKeepsUnkeyedInstances() {
        String payments = registry.get("payments");
        String north = registry.get("stock", "north");
        registry.get("stock", "south");
        registry.get("prices", "eu");
        List<String> removed = new ArrayList<>();
        registry.addListener(new RegistryListener<>() {
            @Override
            public void onAdded(InstanceId id, String instance) {
            }

            @Override
            public void onRemoved(InstanceId id, String instance) {
                removed.add(id.displayName() + "=" + instance);
            }
        });

        int count = registry.removeKeyedInstances();

        assertThat(count).isEqualTo(3);
        assertThat(removed).containsExactlyInAnyOrder("stock[north]=stock[north]#2", "stock[south]=stock[south]#3",
                "prices[eu]=prices[eu]#4");
        assertThat(registry.all()).containsOnlyKeys(InstanceId.of("payments"));
        assertThat(registry.get("payments")).isSameAs(payments);
        assertThat(registry.get("stock", "north")).isNotSameAs(north).isEqualTo("stock[north]#5");
    }

    @Test
    void removeKeyedInstancesOnARegistryWithoutKeysDropsNothing() {
        registry.get("payments");

        assertThat(registry.removeKeyedInstances()).isZero();
        assertThat(registry.all()).containsOnlyKeys(InstanceId.of("payments"));
    }

    @Test
    void instanceIdRoundTripsItsDisplayForm() {
        assertThat(InstanceId.parse("stock[north]")).isEqualTo(new InstanceId("stock", "north"));
        assertThat(InstanceId.parse("payments")).isEqualTo(InstanceId.of("payments"));
        assertThat(InstanceId.parse("[odd")).isEqualTo(InstanceId.of("[odd"));
        assertThatThrownBy(() -> InstanceId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFactoryReturningNullIsRefused() {
        InstanceRegistry<String> broken = new InstanceRegistry<>(id -> null, name -> 1);

        assertThatThrownBy(() -> broken.get("x")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("factory returned null");
    }
}
