package dev.resilience;

import dev.resilience.circuitbreaker.CircuitBreakerState;
import java.time.Duration;

/** Thrown when a circuit breaker does not let a call through (OPEN, FORCED_OPEN, or HALF_OPEN with every probe taken). */
public class CircuitBreakerOpenException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    private final CircuitBreakerState state;
    private final Duration remainingWait;

    /**
     * Creates the exception.
     *
     * @param name the breaker's name
     * @param state the state that refused the call
     * @param remainingWait time until a probe may be let through ({@link Duration#ZERO} if unknown or now)
     * @param writableStackTrace whether to capture the stack trace
     */
    public CircuitBreakerOpenException(String name, CircuitBreakerState state, Duration remainingWait,
            boolean writableStackTrace) {
        super(name, "Circuit breaker '" + name + "' is " + state + "; calls are not permitted"
                + (remainingWait.isZero() ? "" : " for another " + remainingWait), writableStackTrace);
        this.state = state;
        this.remainingWait = remainingWait;
    }

    /**
     * The breaker's state when it refused the call.
     *
     * @return the state
     */
    public CircuitBreakerState getState() {
        return state;
    }

    /**
     * How long until the breaker lets a probe through; {@link Duration#ZERO} when that is now or not
     * known (FORCED_OPEN, or HALF_OPEN with every probe slot taken).
     *
     * @return the remaining wait
     */
    public Duration getRemainingWait() {
        return remainingWait;
    }
}
