package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.registry.InstanceId;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class InstanceAttachmentsConcurrencyTests {

    private static final int THREADS = 8;
    private static final int IDS = 2_000;

    private final Object[] instances = new Object[IDS];
    private final AtomicIntegerArray attached = new AtomicIntegerArray(IDS);
    private final AtomicIntegerArray released = new AtomicIntegerArray(IDS);
    private final InstanceAttachments<Object, Integer> attachments = new InstanceAttachments<>((id, instance) -> {
        int index = Integer.parseInt(id.key());
        attached.incrementAndGet(index);
        return index;
    }, released::incrementAndGet);

    InstanceAttachmentsConcurrencyTests() {
        for (int i = 0; i < IDS; i++) {
            instances[i] = new Object();
        }
    }

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentReportsOfOneInstanceAttachItOnce(ThreadKind kind) {
        // a creator and replaying addListener calls report the same instance at the same time
        Concurrently.run(kind, THREADS, Duration.ofSeconds(30), thread -> {
            for (int i = 0; i < IDS; i++) {
                attachments.onAdded(id(i), instances[i]);
            }
        });

        for (int i = 0; i < IDS; i++) {
            assertThat(attached.get(i)).as("attachments of %d", i).isEqualTo(1);
            assertThat(attachments.get(id(i), instances[i])).contains(i);
        }
        for (int i = 0; i < IDS; i++) {
            assertThat(released.get(i)).as("releases of %d", i).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEvictionRacingItsCreationLeavesNothingAttached(ThreadKind kind) {
        // even threads create, odd threads evict the same instances; an eviction may overtake its creation
        Concurrently.run(kind, 2, Duration.ofSeconds(30), thread -> {
            for (int i = 0; i < IDS; i++) {
                if (thread == 0) {
                    attachments.onAdded(id(i), instances[i]);
                } else {
                    attachments.onRemoved(id(i), instances[i]);
                }
            }
        });

        for (int i = 0; i < IDS; i++) {
            assertThat(attachments.get(id(i), instances[i])).as("instance %d", i).isEmpty();
            assertThat(released.get(i)).as("releases of %d", i).isEqualTo(attached.get(i));
            assertThat(attached.get(i)).as("attachments of %d", i).isLessThanOrEqualTo(1);
        }
    }

    private static InstanceId id(int index) {
        return new InstanceId("payments", Integer.toString(index));
    }
}
