package dev.resilience.circuitbreaker;

/** The states of a circuit breaker. */
public enum CircuitBreakerState {
    /** Calls pass and are recorded in the sliding window. */
    CLOSED,
    /** Calls are rejected until the open wait has passed. */
    OPEN,
    /** A limited number of concurrent probes pass; enough successes close the breaker, any failure re-opens it. */
    HALF_OPEN,
    /** Every call is rejected until the breaker is reset (set by an operator). */
    FORCED_OPEN,
    /** Every call passes and nothing is recorded (set by an operator). */
    DISABLED
}
