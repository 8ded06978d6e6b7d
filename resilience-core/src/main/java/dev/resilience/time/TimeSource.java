package dev.resilience.time;

/**
 * Where every state machine in core reads time. Core never calls {@link System#nanoTime()} or
 * {@link System#currentTimeMillis()} itself: production code passes {@link #system()}, tests pass a
 * {@link ManualClock} and move it by hand.
 *
 * <p>Implementations must be thread safe and cheap: {@link #nanoTime()} is read on hot paths.
 */
public interface TimeSource {

    /**
     * A monotonic reading in nanoseconds with an arbitrary origin, for measuring elapsed time only
     * (same contract as {@link System#nanoTime()}).
     *
     * @return the current monotonic time in nanoseconds
     */
    long nanoTime();

    /**
     * Wall-clock time, used only to stamp events.
     *
     * @return milliseconds since the epoch
     */
    long epochMillis();

    /**
     * The time source backed by the JVM's clocks.
     *
     * @return the shared system time source
     */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
