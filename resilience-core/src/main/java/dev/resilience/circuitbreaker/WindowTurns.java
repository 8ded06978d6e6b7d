package dev.resilience.circuitbreaker;

/**
 * Told by a sliding window each time it has filled with calls it has not reported yet: a COUNT_BASED
 * window after every {@code size} calls, a TIME_BASED one when {@code size} seconds have passed since the
 * last report (on the first call or reading after that). Rare by construction, so the listener may lock.
 */
@FunctionalInterface
interface WindowTurns {

    /**
     * One filled window.
     *
     * @param calls calls in it
     * @param failed failures among them
     */
    void turned(long calls, long failed);
}
