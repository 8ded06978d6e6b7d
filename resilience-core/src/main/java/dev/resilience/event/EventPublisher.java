package dev.resilience.event;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Delivers one instance's events to its subscribers, synchronously, on the thread that caused the
 * event. Publishing code asks {@link #wants(EventType)} first, so that no event object is created for
 * a type nobody listens to: with no subscriber for {@link EventType#SUCCESS}, a successful call
 * allocates nothing.
 *
 * <p>Configuration changes ({@link ConfigChangedEvent}, type {@link EventType#CONFIG_CHANGED}) are not of
 * the family {@code E}, so they go only to subscribers that take any {@link ResilienceEvent}
 * ({@link #subscribeAny}); {@link #subscribe} never delivers them, whatever types it is given.
 *
 * <p>Thread safe. Subscribing is copy-on-write; publishing reads one volatile array. A consumer that
 * throws does not stop delivery to the others; its exception is logged through {@link System.Logger}.
 *
 * @param <E> the event family
 */
public final class EventPublisher<E extends ResilienceEvent> {

    private static final System.Logger LOGGER = System.getLogger(EventPublisher.class.getName());

    @SuppressWarnings("rawtypes")
    private static final Subscriber[] NONE = {};

    @SuppressWarnings("unchecked")
    private volatile Subscriber<E>[] subscribers = NONE;
    private volatile int wanted;
    // read only on a failure path that already builds an event; volatile so a change made at startup
    // (or later) is seen by every calling thread without a lock
    private volatile boolean includeMessages;

    /**
     * Whether any subscriber wants events of this type; cheap enough for every call.
     *
     * @param type the event type
     * @return {@code true} if {@link #publish} would deliver an event of this type to someone
     */
    public boolean wants(EventType type) {
        return (wanted & type.bit()) != 0;
    }

    /**
     * Decides whether this instance's events carry exception messages next to class names. Off by
     * default, because a message can hold user data (an account number, a query); turned on by an
     * application that accepts that (in the starter: {@code resilience.events.include-messages}).
     * Events published before the change are not affected.
     *
     * @param include whether {@link #messageOf(Throwable)} gives messages from now on
     */
    public void includeMessages(boolean include) {
        this.includeMessages = include;
    }

    /**
     * Whether this instance's events carry exception messages.
     *
     * @return the value last given to {@link #includeMessages(boolean)}; {@code false} by default
     */
    public boolean includesMessages() {
        return includeMessages;
    }

    /**
     * The message an event about {@code error} carries. Called by publishing code only after
     * {@link #wants(EventType)} said yes, so a call nobody observes never asks an exception for its
     * message (which may be computed on demand).
     *
     * @param error the failure, or null for a failure without an exception
     * @return {@code error.getMessage()} when messages are included, else {@code null}
     */
    public String messageOf(Throwable error) {
        return includeMessages && error != null ? error.getMessage() : null;
    }

    /**
     * Subscribes to every event type of the family {@code E} (configuration changes excluded, see
     * {@link #subscribeAny}).
     *
     * @param consumer receives the events; must be thread safe and quick
     * @return a handle that ends the subscription
     */
    public Subscription subscribe(Consumer<? super E> consumer) {
        return subscribe(EnumSet.allOf(EventType.class), consumer);
    }

    /**
     * Subscribes to some event types of the family {@code E}; {@link EventType#CONFIG_CHANGED} in
     * {@code types} is not delivered (use {@link #subscribeAny}).
     *
     * @param types the types to receive
     * @param consumer receives the events; must be thread safe and quick
     * @return a handle that ends the subscription
     */
    public Subscription subscribe(Set<EventType> types, Consumer<? super E> consumer) {
        return add(mask(types) & ~EventType.CONFIG_CHANGED.bit(), consumer);
    }

    /**
     * Subscribes a consumer of any event to some event types, {@link EventType#CONFIG_CHANGED} included:
     * what the endpoint, logs and application events use.
     *
     * @param types the types to receive
     * @param consumer receives the events; must be thread safe and quick
     * @return a handle that ends the subscription
     */
    public Subscription subscribeAny(Set<EventType> types, Consumer<? super ResilienceEvent> consumer) {
        return add(mask(types), consumer);
    }

    private static int mask(Set<EventType> types) {
        int mask = 0;
        for (EventType type : types) {
            mask |= type.bit();
        }
        return mask;
    }

    private synchronized Subscription add(int mask, Consumer<? super E> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        Subscriber<E> subscriber = new Subscriber<>(mask, consumer);
        Subscriber<E>[] grown = Arrays.copyOf(subscribers, subscribers.length + 1);
        grown[grown.length - 1] = subscriber;
        subscribers = grown;
        wanted |= mask;
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Subscriber<E> subscriber) {
        Subscriber<E>[] current = subscribers;
        int mask = 0;
        int kept = 0;
        @SuppressWarnings("unchecked")
        Subscriber<E>[] shrunk = new Subscriber[current.length];
        for (Subscriber<E> each : current) {
            if (each != subscriber) {
                shrunk[kept++] = each;
                mask |= each.mask;
            }
        }
        subscribers = Arrays.copyOf(shrunk, kept);
        wanted = mask;
    }

    /**
     * Delivers an event to the subscribers of its type.
     *
     * @param event the event
     */
    public void publish(E event) {
        deliver(event);
    }

    /**
     * Delivers a configuration change to the {@link #subscribeAny} subscribers of
     * {@link EventType#CONFIG_CHANGED}, synchronously on the calling thread.
     *
     * @param event the change
     */
    @SuppressWarnings("unchecked")
    public void publishConfigChange(ConfigChangedEvent event) {
        // only subscribeAny consumers carry the CONFIG_CHANGED bit, and they accept any ResilienceEvent
        deliver((E) event);
    }

    private void deliver(E event) {
        int bit = event.type().bit();
        for (Subscriber<E> subscriber : subscribers) {
            if ((subscriber.mask & bit) != 0) {
                try {
                    subscriber.consumer.accept(event);
                } catch (RuntimeException e) {
                    LOGGER.log(Level.WARNING, "Event consumer failed on " + event.type() + " of '"
                            + event.instanceName() + "'", e);
                }
            }
        }
    }

    /** Ends a subscription. */
    @FunctionalInterface
    public interface Subscription {

        /** Stops delivery to this subscription's consumer; idempotent. */
        void cancel();
    }

    private record Subscriber<E>(int mask, Consumer<? super E> consumer) {
    }
}
