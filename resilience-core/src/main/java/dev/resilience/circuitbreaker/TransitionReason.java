package dev.resilience.circuitbreaker;

/** Why a circuit breaker changed state; carried by every state-transition event. */
public enum TransitionReason {
    /** The failure rate reached {@code failure-rate-threshold}. */
    FAILURE_RATE,
    /** The slow-call rate reached {@code slow-call-rate-threshold}. */
    SLOW_CALL_RATE,
    /** {@code consecutive-failure-threshold} failures came in a row. */
    CONSECUTIVE_FAILURES,
    /** The open wait passed and a call arrived (OPEN to HALF_OPEN). */
    WAIT_ELAPSED,
    /** A probe failed in HALF_OPEN. */
    PROBE_FAILED,
    /** {@code success-threshold} probes succeeded in HALF_OPEN. */
    PROBES_SUCCEEDED,
    /** An operator or program called reset, force-open or disable. */
    MANUAL,
    /**
     * An external health signal held the breaker OPEN ({@link CircuitBreaker#holdOpen(String)}) or released
     * it to HALF_OPEN ({@link CircuitBreaker#releaseHold(String)}); the event's {@code detail} says why.
     */
    HEALTH_CHECK
}
