package dev.resilience.bulkhead;

/**
 * The FIFO queue of waiters: an intrusive doubly linked list, so that a waiter leaving from the middle
 * (timeout, interrupt, cancellation) is removed in O(1). Not thread safe: every method is called under the
 * bulkhead's lock.
 */
final class WaiterQueue {

    private Waiter head;
    private Waiter tail;

    void add(Waiter waiter) {
        waiter.queued = true;
        waiter.prev = tail;
        waiter.next = null;
        if (tail == null) {
            head = waiter;
        } else {
            tail.next = waiter;
        }
        tail = waiter;
    }

    /** @return the longest-waiting waiter, removed, or null when empty */
    Waiter poll() {
        Waiter first = head;
        if (first != null) {
            unlink(first);
        }
        return first;
    }

    /**
     * Removes a waiter that is still queued.
     *
     * @param waiter a waiter with {@code queued} set
     */
    void remove(Waiter waiter) {
        unlink(waiter);
    }

    private void unlink(Waiter waiter) {
        Waiter prev = waiter.prev;
        Waiter next = waiter.next;
        if (prev == null) {
            head = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            tail = prev;
        } else {
            next.prev = prev;
        }
        waiter.prev = null;
        waiter.next = null;
    }
}
