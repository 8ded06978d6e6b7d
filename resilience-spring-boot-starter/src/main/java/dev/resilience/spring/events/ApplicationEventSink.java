package dev.resilience.spring.events;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the core events that matter to an application as Spring application events: the event object
 * itself (wrapped by Spring in a {@code PayloadApplicationEvent}), so an {@code @EventListener} method
 * picks what it wants by parameter type: {@code CircuitBreakerEvent.StateTransition} for transitions,
 * {@code RetryEvent} for every retry event, {@code ConfigChangedEvent} for configuration changes made at
 * runtime (through the endpoint, an environment refresh or code), {@code ResilienceEvent} for all of them.
 *
 * <p>Published types: {@link #PUBLISHED}. Successes, failures, ignored and slow calls are not, so the
 * successful path of a call stays free of allocation. Listeners run synchronously on the thread that
 * caused the event; use {@code @Async} for anything slow. Turned off with
 * {@code resilience.events.publish=false}.
 */
public final class ApplicationEventSink implements ResilienceEventSink {

    /**
     * The event types published: transitions, rejections, retries, exhausted retries, timeouts and
     * configuration changes.
     */
    public static final Set<EventType> PUBLISHED = Set.copyOf(EnumSet.of(EventType.STATE_TRANSITION,
            EventType.NOT_PERMITTED, EventType.REJECTED, EventType.RETRY, EventType.EXHAUSTED, EventType.TIMED_OUT,
            EventType.CONFIG_CHANGED));

    private final ApplicationEventPublisher publisher;

    /**
     * Creates the sink.
     *
     * @param publisher where events go, usually the application context
     */
    public ApplicationEventSink(ApplicationEventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public Set<EventType> eventTypes() {
        return PUBLISHED;
    }

    @Override
    public void accept(String kind, ResilienceEvent event) {
        publisher.publishEvent(event);
    }
}
