package dev.resilience.event;

/** Every kind of event any pattern publishes. */
public enum EventType {
    /** A circuit breaker changed state. */
    STATE_TRANSITION,
    /** A call succeeded (or was classified as a success). */
    SUCCESS,
    /** A call failed and was recorded as a failure. */
    FAILURE,
    /** A call failed with an exception that is not recorded. */
    IGNORED,
    /** A circuit breaker refused a call. */
    NOT_PERMITTED,
    /** A call took longer than the slow-call threshold. */
    SLOW_CALL,
    /** A bulkhead or rate limiter refused a call. */
    REJECTED,
    /** A retry is about to be made. */
    RETRY,
    /** Retries are exhausted; the last failure goes to the caller. */
    EXHAUSTED,
    /** A call did not finish in time. */
    TIMED_OUT,
    /** An instance's configuration was changed at runtime (see {@link ConfigChangedEvent}). */
    CONFIG_CHANGED;

    final int bit() {
        return 1 << ordinal();
    }
}
