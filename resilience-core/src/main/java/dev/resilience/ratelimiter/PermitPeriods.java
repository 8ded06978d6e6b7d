package dev.resilience.ratelimiter;

/**
 * The layout of a {@link PermitWindow}'s tickets over time: a chain of segments, newest first. A segment
 * starts at {@code originNanos} with ticket {@code firstTicket} and cuts time into periods of
 * {@code periodNanos}, each owning {@code limit} consecutive tickets; it governs the times from its origin
 * and the tickets from its first ticket, up to the next segment's. A limiter that was never reconfigured
 * has one segment; each reconfiguration adds one, starting at a period boundary of the one before, and
 * drops the segments that no time from the change on can need. Immutable and thread safe.
 *
 * <p>All differences are taken between clock readings and origins, never absolute values, so a
 * {@code nanoTime} near its wrap is handled like any other.
 */
final class PermitPeriods {

    private final long originNanos;
    private final long periodNanos;
    private final int limit;
    private final long firstTicket;
    private final PermitPeriods previous;

    PermitPeriods(long originNanos, long periodNanos, int limit, long firstTicket, PermitPeriods previous) {
        this.originNanos = originNanos;
        this.periodNanos = periodNanos;
        this.limit = limit;
        this.firstTicket = firstTicket;
        this.previous = previous;
    }

    /** The segment governing {@code nowNanos}: the newest one that has begun (the oldest for earlier times). */
    private PermitPeriods at(long nowNanos) {
        PermitPeriods segment = this;
        while (nowNanos - segment.originNanos < 0 && segment.previous != null) {
            segment = segment.previous;
        }
        return segment;
    }

    /** The segment owning a ticket. */
    private PermitPeriods owning(long ticket) {
        PermitPeriods segment = this;
        while (ticket < segment.firstTicket && segment.previous != null) {
            segment = segment.previous;
        }
        return segment;
    }

    /** The period of {@code nowNanos} within its segment; 0 for times before the oldest origin. */
    private long periodIndex(long nowNanos) {
        return Math.max(0, (nowNanos - originNanos) / periodNanos);
    }

    /**
     * The first ticket of the period containing {@code nowNanos}.
     *
     * @param nowNanos a clock reading
     * @return the ticket
     */
    long firstTicketAt(long nowNanos) {
        PermitPeriods segment = at(nowNanos);
        // index * limit <= elapsed nanoseconds: at most one permit per nanosecond (checked by the config)
        return segment.firstTicket + segment.periodIndex(nowNanos) * segment.limit;
    }

    /**
     * The limit of the period containing {@code nowNanos}.
     *
     * @param nowNanos a clock reading
     * @return the permits of that period
     */
    int limitAt(long nowNanos) {
        return at(nowNanos).limit;
    }

    /**
     * How long from {@code nowNanos} until a ticket's period starts.
     *
     * @param ticket the ticket
     * @param nowNanos a clock reading
     * @return nanoseconds, 0 if it has started, saturated at {@link Long#MAX_VALUE}
     */
    long nanosUntil(long ticket, long nowNanos) {
        PermitPeriods segment = owning(ticket);
        long periods = Math.floorDiv(ticket - segment.firstTicket, segment.limit);
        if (periods > Long.MAX_VALUE / segment.periodNanos) {
            return Long.MAX_VALUE;
        }
        long startOffset = periods * segment.periodNanos;
        long elapsed = nowNanos - segment.originNanos;
        if (elapsed < 0 && startOffset > Long.MAX_VALUE + elapsed) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, startOffset - elapsed);
    }

    /**
     * The layout after a change made at {@code changeNanos} when {@code nextTicket} tickets have been handed
     * out: unchanged up to the first boundary that is both after the period containing the change and after
     * the period of the last ticket handed out, and the new period and limit from that boundary on.
     *
     * @param changeNanos when the change is made
     * @param nextTicket the lowest ticket not handed out
     * @param newPeriodNanos the new period
     * @param newLimit the new limit
     * @return the new layout
     */
    PermitPeriods successor(long changeNanos, long nextTicket, long newPeriodNanos, int newLimit) {
        PermitPeriods current = at(changeNanos);
        long boundaryOffset = (current.periodIndex(changeNanos) + 1) * current.periodNanos;
        long boundary = current.originNanos + boundaryOffset;
        if (nextTicket > 0) {
            long last = nextTicket - 1;
            long untilLastStarts = nanosUntil(last, changeNanos);
            if (untilLastStarts > 0) {
                // reserved for a later period than the current one: the old layout lasts until that period ends
                boundary = changeNanos + untilLastStarts + owning(last).periodNanos;
            }
        }
        long first = firstTicketAt(boundary);
        return new PermitPeriods(boundary, newPeriodNanos, newLimit, first, keep(this, boundary, changeNanos));
    }

    /**
     * This chain without the segments starting at or after {@code beforeNanos} (replaced by the new one)
     * and without those older than the one governing {@code fromNanos} (no time from then on needs them).
     */
    private static PermitPeriods keep(PermitPeriods segment, long beforeNanos, long fromNanos) {
        if (segment.originNanos - beforeNanos >= 0 && segment.previous != null) {
            return keep(segment.previous, beforeNanos, fromNanos);
        }
        if (segment.previous == null) {
            return segment;
        }
        PermitPeriods older = fromNanos - segment.originNanos >= 0 ? null : keep(segment.previous, beforeNanos, fromNanos);
        return new PermitPeriods(segment.originNanos, segment.periodNanos, segment.limit, segment.firstTicket, older);
    }
}
