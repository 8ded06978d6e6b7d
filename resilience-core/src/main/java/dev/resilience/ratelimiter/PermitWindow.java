package dev.resilience.ratelimiter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window permits as numbered tickets, in one {@code long}.
 *
 * <p>Time is cut into periods of {@code periodNanos} starting at {@code originNanos} (the limiter's
 * creation): period {@code k} is {@code [origin + k * period, origin + (k + 1) * period)}. Ticket {@code t}
 * is valid in period {@code t / limit}, so each period owns exactly {@code limit} tickets,
 * {@code k * limit} to {@code (k + 1) * limit - 1}. The only state is {@link #next}, the lowest ticket not
 * handed out yet. A caller at time {@code now} in period {@code k} takes ticket
 * {@code max(next, k * limit)}: the {@code max} throws away the tickets of periods that passed unused, so
 * unused permits never pile up. If that ticket belongs to period {@code k} the call may start at once; if
 * it belongs to a later period the caller may reserve it (when the wait until that period starts is within
 * its allowed wait) and must not start before then.
 *
 * <p>Because every ticket is handed out at most once (one CAS moves {@code next} past it) and a ticket
 * never starts a call before its period, no period ever admits more than {@code limit} calls. Reservations
 * are served in the order they were made. Across a period boundary up to {@code 2 * limit} calls can start
 * within less than one period (the end of one period and the start of the next); that is the fixed window's
 * burst.
 *
 * <p>Overflow: {@code k * limit <= elapsed * limit / period <= elapsed} because the configuration allows at
 * most one permit per nanosecond, so tickets stay below the elapsed nanoseconds plus the reservations.
 *
 * <p>Thread safe and lock free; {@link #reserve} allocates nothing.
 */
final class PermitWindow {

    private final long originNanos;
    private final long periodNanos;
    private final int limit;
    private final AtomicLong next = new AtomicLong();

    PermitWindow(long originNanos, long periodNanos, int limit) {
        this.originNanos = originNanos;
        this.periodNanos = periodNanos;
        this.limit = limit;
    }

    /**
     * Takes a ticket that is valid now or within {@code maxWaitNanos}.
     *
     * @param nowNanos the current time
     * @param maxWaitNanos how long the caller may wait for a later period
     * @return {@code 0}: a permit now; {@code > 0}: a permit reserved, valid after that many nanoseconds;
     *         {@code < 0}: no permit taken, and a permit is expected to be free after minus that many
     *         nanoseconds (always more than {@code maxWaitNanos})
     */
    long reserve(long nowNanos, long maxWaitNanos) {
        long elapsed = nowNanos - originNanos;
        long period = elapsed / periodNanos;
        long first = period * limit;
        while (true) {
            long current = next.get();
            long ticket = Math.max(current, first);
            long wait = ticket - first < limit ? 0 : waitFor(ticket, period, elapsed);
            if (wait > maxWaitNanos) {
                return -wait;
            }
            if (next.compareAndSet(current, ticket + 1)) {
                return wait;
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
        long elapsed = nowNanos - originNanos;
        long period = elapsed / periodNanos;
        long first = period * limit;
        long ticket = Math.max(next.get(), first);
        return ticket - first < limit ? 0 : waitFor(ticket, period, elapsed);
    }

    /**
     * Permits left in the current period, negative when tickets of later periods are reserved.
     *
     * @param nowNanos the current time
     * @return the permits, clamped to the {@code int} range
     */
    int available(long nowNanos) {
        long first = (nowNanos - originNanos) / periodNanos * limit;
        long left = first + limit - Math.max(next.get(), first);
        return (int) Math.max(Integer.MIN_VALUE, left);
    }

    /** Nanoseconds from {@code elapsed} (in {@code period}) to the start of the ticket's period, saturated. */
    private long waitFor(long ticket, long period, long elapsed) {
        long periodsAhead = ticket / limit - period;
        long untilNextPeriod = periodNanos - (elapsed - period * periodNanos);
        long further = periodsAhead - 1;
        if (further > (Long.MAX_VALUE - untilNextPeriod) / periodNanos) {
            return Long.MAX_VALUE;
        }
        return untilNextPeriod + further * periodNanos;
    }
}
