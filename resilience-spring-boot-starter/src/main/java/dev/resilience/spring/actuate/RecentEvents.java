package dev.resilience.spring.actuate;

import dev.resilience.event.ResilienceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest events of one instance, bounded: a ring that keeps the last {@link #CAPACITY} events and
 * drops older ones.
 *
 * <p>Thread safe and lock free. Writers are the threads whose calls caused the events, so a lock here
 * would be taken on the caller's path; instead each event takes a ticket from one counter and its slot
 * by compare-and-set. A reader sees each event at most once, newest first, in ticket order; an event
 * whose writer is still between taking its ticket and filling the slot is not seen yet. Each
 * {@link #add} allocates one small slot object.
 */
public final class RecentEvents {

    /** How many events are kept per instance. */
    public static final int CAPACITY = 100;

    private final AtomicReferenceArray<Slot> slots;
    private final AtomicLong tickets = new AtomicLong();

    /** An empty ring of {@link #CAPACITY} events. */
    public RecentEvents() {
        this(CAPACITY);
    }

    RecentEvents(int capacity) {
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Keeps an event, dropping the oldest one when the ring is full.
     *
     * @param event the event
     */
    public void add(ResilienceEvent event) {
        long ticket = tickets.getAndIncrement();
        Slot slot = new Slot(ticket, event);
        int index = (int) (ticket % slots.length());
        Slot current;
        do {
            current = slots.get(index);
            if (current != null && current.ticket > ticket) {
                // a writer one lap ahead already filled the slot: this event is older than the ring
                return;
            }
        } while (!slots.compareAndSet(index, current, slot));
    }

    /**
     * The kept events, newest first.
     *
     * @return a new list of at most {@link #CAPACITY} events
     */
    public List<ResilienceEvent> newestFirst() {
        long end = tickets.get();
        int capacity = slots.length();
        List<ResilienceEvent> events = new ArrayList<>((int) Math.min(end, capacity));
        for (long ticket = end - 1; ticket >= 0 && ticket >= end - capacity; ticket--) {
            Slot slot = slots.get((int) (ticket % capacity));
            // a slot holding another ticket is still being written (older) or already reused (newer)
            if (slot != null && slot.ticket == ticket) {
                events.add(slot.event);
            }
        }
        return events;
    }

    private record Slot(long ticket, ResilienceEvent event) {
    }
}
