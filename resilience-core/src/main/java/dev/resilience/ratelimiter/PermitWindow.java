package dev.resilience.ratelimiter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window permits as numbered tickets, in one {@code long}.
 *
 * <p>Time is cut into periods, each owning a fixed run of consecutive tickets (see {@link PermitPeriods};
 * without reconfiguration: period {@code k} is {@code [origin + k * period, origin + (k + 1) * period)} and
 * owns tickets {@code k * limit} to {@code (k + 1) * limit - 1}). The only state a call changes is
 * {@link #next}, the lowest ticket not handed out yet. A caller at time {@code now} takes ticket
 * {@code max(next, first ticket of now's period)}: the {@code max} throws away the tickets of periods that
 * passed unused, so unused permits never pile up. If that ticket belongs to now's period the call may start
 * at once; if it belongs to a later period the caller may reserve it (when the wait until that period starts
 * is within its allowed wait) and must not start before then.
 *
 * <p>Because every ticket is handed out at most once (one CAS moves {@code next} past it) and a ticket
 * never starts a call before its period, no period ever admits more calls than it owns tickets.
 * Reservations are served in the order they were made. Across a period boundary up to twice the limit can
 * start within less than one period; that is the fixed window's burst.
 *
 * <h2>Reconfiguration</h2>
 * A window's layout is fixed once it is in use. {@link #successor} makes the window that replaces it: the
 * limiter publishes the successor first, then the successor <em>settles</em>: it closes this window (sets
 * the sign bit of {@code next}, after which this window hands out nothing and answers {@link #MOVED}), takes
 * over its ticket count, and extends its layout with the new period and limit from the first boundary after
 * the current period and after every ticket already handed out. Until settled, a successor's {@code next}
 * is {@code PENDING}; whoever meets it (the reconfiguring thread or any caller) settles it, with the same
 * result, so no caller ever waits for another thread: the switch is lock free. A caller holding the old
 * window is answered {@link #MOVED} and reads the limiter's window again, which is the successor.
 *
 * <p>Overflow: a ticket stays below the elapsed nanoseconds plus the reservations, because a configuration
 * allows at most one permit per nanosecond.
 *
 * <p>Thread safe and lock free; {@link #reserve} allocates nothing.
 */
final class PermitWindow {

    /** Answer of {@link #reserve} on a window that was replaced: read the limiter's window again. */
    static final long MOVED = Long.MIN_VALUE;

    private static final long CLOSED = Long.MIN_VALUE;
    private static final long PENDING = -1L;

    private final AtomicLong next;
    // The first ticket of the latest period any caller's clock reading has shown. A caller whose reading is
    // a little older than another's (it read the clock, then was overtaken) adopts that period: it has
    // begun, so its tickets are valid now, and judging them by the stale reading would refuse a call the
    // new period has room for.
    private final AtomicLong latestFirst = new AtomicLong();
    // Final once settled; written (with identical values) by whoever settles, before next leaves PENDING.
    private volatile PermitPeriods periods;
    // Set only while PENDING: what settling needs. Cleared afterwards, so old windows can be collected.
    private volatile PermitWindow replaced;
    private final long changeNanos;
    private final long newPeriodNanos;
    private final int newLimit;

    PermitWindow(long originNanos, long periodNanos, int limit) {
        // a first window replaces nothing: settled from the start, the three change fields are never read
        this.next = new AtomicLong();
        this.periods = new PermitPeriods(originNanos, periodNanos, limit, 0, null);
        this.changeNanos = originNanos;
        this.newPeriodNanos = periodNanos;
        this.newLimit = limit;
    }

    private PermitWindow(PermitWindow replaced, long changeNanos, long newPeriodNanos, int newLimit) {
        this.next = new AtomicLong(PENDING);
        this.replaced = replaced;
        this.changeNanos = changeNanos;
        this.newPeriodNanos = newPeriodNanos;
        this.newLimit = newLimit;
    }

    /**
     * The window that replaces this one, with a new period and limit from the first period boundary after
     * {@code changeNanos} at which no ticket of this window is still pending. Publish it, then call
     * {@link #settle()} on it.
     *
     * @param changeNanos when the change is made
     * @param periodNanos the new period
     * @param limit the new limit
     * @return the unsettled successor
     */
    PermitWindow successor(long changeNanos, long periodNanos, int limit) {
        return new PermitWindow(this, changeNanos, periodNanos, limit);
    }

    /** Takes over from the replaced window, if not done yet; idempotent, and any thread may do it. */
    void settle() {
        PermitWindow before = replaced;
        if (before == null) {
            return; // settled: replaced is cleared only after next has left PENDING
        }
        long handedOut = before.close();
        // every settler computes the same layout from the same inputs, so which write lands last is immaterial
        periods = before.periods.successor(changeNanos, handedOut, newPeriodNanos, newLimit);
        if (next.compareAndSet(PENDING, handedOut)) {
            replaced = null;
        }
    }

    /** Stops handing out tickets; returns how many were handed out. Idempotent. */
    private long close() {
        while (true) {
            long current = next.get();
            if (current == PENDING) {
                settle();
            } else if (current < 0) {
                return current & Long.MAX_VALUE;
            } else if (next.compareAndSet(current, current | CLOSED)) {
                return current;
            }
        }
    }

    /** {@code next}, settling first if needed; negative if this window is closed. */
    private long handedOut() {
        long current = next.get();
        if (current == PENDING) {
            settle();
            current = next.get();
        }
        return current;
    }

    /**
     * Takes a ticket that is valid now or within {@code maxWaitNanos}.
     *
     * @param nowNanos the current time
     * @param maxWaitNanos how long the caller may wait for a later period
     * @return {@code 0}: a permit now; {@code > 0}: a permit reserved, valid after that many nanoseconds;
     *         {@link #MOVED}: this window was replaced, nothing taken; other {@code < 0}: no permit taken,
     *         and a permit is expected to be free after minus that many nanoseconds (always more than
     *         {@code maxWaitNanos})
     */
    long reserve(long nowNanos, long maxWaitNanos) {
        long current = handedOut();
        if (current < 0) {
            return MOVED;
        }
        PermitPeriods layout = periods; // read after next: settled, so final
        long first = layout.firstTicketAt(nowNanos);
        long latest = latestFirst.get();
        if (first > latest) {
            latestFirst.accumulateAndGet(first, Math::max);
        } else if (first < latest) {
            first = latest;
            nowNanos += layout.nanosUntil(latest, nowNanos);
        }
        while (true) {
            long ticket = Math.max(current, first);
            long wait = layout.nanosUntil(ticket, nowNanos);
            if (wait > maxWaitNanos) {
                return -wait;
            }
            if (next.compareAndSet(current, ticket + 1)) {
                return wait;
            }
            current = next.get();
            if (current < 0) {
                return MOVED; // closed meanwhile (a settled window never goes back to PENDING)
            }
        }
    }

    /**
     * How long until the next free ticket is valid, without taking it.
     *
     * @param nowNanos the current time
     * @return nanoseconds, 0 if a permit is free now
     */
    long nanosUntilFree(long nowNanos) {
        long current = handedOut() & Long.MAX_VALUE;
        PermitPeriods layout = periods;
        return layout.nanosUntil(Math.max(current, layout.firstTicketAt(nowNanos)), nowNanos);
    }

    /**
     * Permits left in the current period, negative when tickets of later periods are reserved.
     *
     * @param nowNanos the current time
     * @return the permits, clamped to the {@code int} range
     */
    int available(long nowNanos) {
        long current = handedOut() & Long.MAX_VALUE;
        PermitPeriods layout = periods;
        long first = layout.firstTicketAt(nowNanos);
        long left = first + layout.limitAt(nowNanos) - Math.max(current, first);
        return (int) Math.max(Integer.MIN_VALUE, left);
    }
}
