package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceAttachmentsTests {

    private final List<String> released = new ArrayList<>();
    private final InstanceAttachments<Object, String> attachments = new InstanceAttachments<>(
            (id, instance) -> id.displayName() + "#" + System.identityHashCode(instance), released::add);

    private final InstanceId id = new InstanceId("payments", "eu");
    private final Object first = new Object();
    private final Object second = new Object();

    @Test
    void attachesOnAddAndReleasesOnRemove() {
        attachments.onAdded(id, first);
        String attachment = attachments.get(id, first).orElseThrow();

        attachments.onRemoved(id, first);

        assertThat(released).containsExactly(attachment);
        assertThat(attachments.get(id, first)).isEmpty();
    }

    @Test
    void keepsTheAttachmentWhenAnInstanceIsReportedTwice() {
        attachments.onAdded(id, first);
        String attachment = attachments.get(id, first).orElseThrow();

        attachments.onAdded(id, first);

        assertThat(attachments.get(id, first)).contains(attachment);
        assertThat(released).isEmpty();
    }

    @Test
    void neverAttachesAnInstanceWhoseEvictionArrivedFirst() {
        attachments.onRemoved(id, first);
        attachments.onAdded(id, first);

        assertThat(attachments.get(id, first)).isEmpty();
        assertThat(released).isEmpty();
    }

    @Test
    void releasesTheOlderInstanceWhenANewerOneOfTheSameIdArrivesFirst() {
        attachments.onAdded(id, first);
        String older = attachments.get(id, first).orElseThrow();

        attachments.onAdded(id, second);
        attachments.onRemoved(id, first);

        assertThat(released).containsExactly(older);
        assertThat(attachments.get(id, second)).isPresent();
        assertThat(attachments.get(id, first)).isEmpty();
    }

    @Test
    void followsARegistryThroughCreationAndLeastRecentlyUsedEviction() {
        InstanceRegistry<Object> registry = new InstanceRegistry<>(ignored -> new Object(), name -> 1);
        Object existing = registry.get("payments", "a");
        registry.addListener(attachments);
        assertThat(attachments.get(new InstanceId("payments", "a"), existing)).isPresent();

        Object next = registry.get("payments", "b");

        assertThat(attachments.get(new InstanceId("payments", "b"), next)).isPresent();
        assertThat(attachments.get(new InstanceId("payments", "a"), existing)).isEmpty();
        assertThat(released).hasSize(1);
    }
}
