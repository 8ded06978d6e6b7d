package dev.resilience.circuitbreaker;

/**
 * The CLOSED state's record of recent outcomes. Implementations are lock free on the recording path
 * (the time-based window locks only to roll over to a new second) and answer readings in O(1).
 */
interface SlidingWindow {

    /** Outcome bit: the slot holds a recorded call (an empty slot is 0). */
    int RECORDED = 1;
    /** Outcome bit: the call failed. */
    int FAILED = 2;
    /** Outcome bit: the call was slow. */
    int SLOW = 4;

    /**
     * Records one outcome and evaluates the rate thresholds on the window as it stands right after.
     *
     * @param outcome {@link #RECORDED}, optionally with {@link #FAILED} and {@link #SLOW}
     * @param nowNanos the call's end time (the time-based window buckets by it)
     * @return why the breaker should open, or null
     */
    TransitionReason record(int outcome, long nowNanos);

    /**
     * Replaces the rate rules evaluated after each record, keeping the recorded calls.
     *
     * @param newThresholds the new rules
     */
    void thresholds(RateThresholds newThresholds);

    /**
     * Reads the window.
     *
     * @param nowNanos the current time (the time-based window forgets seconds that have passed)
     * @return calls, failures and slow calls in the window
     */
    WindowCounts counts(long nowNanos);

    /**
     * Creates the empty window the configuration asks for.
     *
     * @param config the configuration
     * @param thresholds the rate rules to evaluate after each record
     * @param turns told each time the window has filled with calls it has not reported yet
     * @return a new, empty window
     */
    static SlidingWindow create(CircuitBreakerConfig config, RateThresholds thresholds, WindowTurns turns) {
        return config.slidingWindowType() == SlidingWindowType.COUNT_BASED
                ? new CountWindow(config.slidingWindowSize(), thresholds, turns)
                : new TimeWindow(config.slidingWindowSize(), thresholds, turns);
    }
}
