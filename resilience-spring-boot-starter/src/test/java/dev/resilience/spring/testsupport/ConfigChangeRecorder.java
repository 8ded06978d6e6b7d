package dev.resilience.spring.testsupport;

import dev.resilience.event.ConfigChangedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Keeps every {@link ConfigChangedEvent} the application context publishes, through an {@code @EventListener}. */
public class ConfigChangeRecorder {

    private final List<ConfigChangedEvent> received = new CopyOnWriteArrayList<>();

    @EventListener
    void onConfigChanged(ConfigChangedEvent event) {
        received.add(event);
    }

    /**
     * The changes received for one instance, oldest first.
     *
     * @param instanceName {@code name} or {@code name[key]}
     * @return a new list
     */
    public List<ConfigChangedEvent> of(String instanceName) {
        return received.stream().filter(event -> event.instanceName().equals(instanceName)).toList();
    }
}
