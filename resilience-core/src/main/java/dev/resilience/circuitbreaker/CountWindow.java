package dev.resilience.circuitbreaker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@code size} outcomes, lock free, with an O(1) reading.
 *
 * <h2>How it works</h2>
 * The outcomes live in a ring of {@code size} bytes, each holding outcome bits
 * ({@link SlidingWindow#RECORDED}, {@link SlidingWindow#FAILED}, {@link SlidingWindow#SLOW}; 0 = empty).
 * A call claims the next ring position with one {@code getAndIncrement} and writes its outcome with
 * {@code getAndSet}, which hands back the outcome it evicts. The window's totals are kept in ONE packed
 * {@link AtomicLong} of three 21-bit fields (calls, failed, slow) and updated with a single
 * {@code addAndGet(contribution(new) - contribution(old))}, so a reading is one volatile load and the three
 * figures in it always belong together. When the new and the evicted outcome are the same (the steady
 * state of a healthy service), the aggregate does not change and is not written at all.
 *
 * <h2>Why the bias</h2>
 * Writers race: thread A may swap its outcome into a slot and be descheduled before adding its delta,
 * while thread B, a full lap later, evicts A's outcome from the same slot and subtracts it first. For a
 * moment a field is then one below its true value, possibly below zero. A negative field would borrow
 * from the field above it and corrupt it. Each field therefore holds its value plus a bias of 2^20:
 * a window holds at most {@link CircuitBreakerConfig#MAX_COUNT_WINDOW} (less than 2^20) calls, so a
 * biased field stays within [2^20 - racing writers, 2^21) and never borrows or carries. A reading
 * subtracts the bias and clamps each figure to [0, size]; at quiescence the figures are exact, because
 * every slot change is mirrored by exactly one delta.
 */
final class CountWindow implements SlidingWindow {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(byte[].class);

    private static final int FIELD_BITS = 21;
    private static final long FIELD_MASK = (1L << FIELD_BITS) - 1;
    private static final long BIAS = 1L << 20;
    private static final int FAILED_SHIFT = FIELD_BITS;
    private static final int SLOW_SHIFT = 2 * FIELD_BITS;
    private static final long EMPTY = BIAS | BIAS << FAILED_SHIFT | BIAS << SLOW_SHIFT;

    /** What each outcome byte (0 to 7) adds to the packed aggregate. */
    private static final long[] CONTRIBUTION = new long[8];

    static {
        for (int outcome = 0; outcome < CONTRIBUTION.length; outcome++) {
            CONTRIBUTION[outcome] = (outcome & RECORDED)
                    | (long) ((outcome & FAILED) >> 1) << FAILED_SHIFT
                    | (long) ((outcome & SLOW) >> 2) << SLOW_SHIFT;
        }
    }

    private final byte[] slots;
    private final int lastSlot;
    private final WindowTurns turns;
    // replaced only by CircuitBreaker.reconfigure: the next evaluation uses the new rules on the same counts
    private volatile RateThresholds thresholds;
    /** Monotonic call sequence; a long so that it never wraps and the ring order never jumps. */
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong aggregate = new AtomicLong(EMPTY);

    CountWindow(int size, RateThresholds thresholds, WindowTurns turns) {
        this.slots = new byte[size];
        this.lastSlot = size - 1;
        this.thresholds = thresholds;
        this.turns = turns;
    }

    @Override
    public void thresholds(RateThresholds newThresholds) {
        this.thresholds = newThresholds;
    }

    @Override
    public TransitionReason record(int outcome, long nowNanos) {
        int slot = (int) (next.getAndIncrement() % slots.length);
        byte evicted = (byte) SLOTS.getAndSet(slots, slot, (byte) outcome);
        long packed = evicted == outcome
                ? aggregate.get()
                : aggregate.addAndGet(CONTRIBUTION[outcome] - CONTRIBUTION[evicted]);
        long calls = field(packed, 0);
        long failed = field(packed, FAILED_SHIFT);
        TransitionReason reason = thresholds.evaluate(calls, failed, field(packed, SLOW_SHIFT));
        // The call that fills the ring's last slot completes a lap: the window now holds calls it has not
        // reported. One comparison of an index already computed; a window that opens the breaker is not reported.
        if (slot == lastSlot && reason == null) {
            turns.turned(calls, failed);
        }
        return reason;
    }

    @Override
    public WindowCounts counts(long nowNanos) {
        long packed = aggregate.get();
        return new WindowCounts(field(packed, 0), field(packed, FAILED_SHIFT), field(packed, SLOW_SHIFT));
    }

    private long field(long packed, int shift) {
        long value = ((packed >>> shift) & FIELD_MASK) - BIAS;
        return Math.max(0, Math.min(slots.length, value));
    }
}
