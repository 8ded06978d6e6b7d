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
        // no message given: it is built in getMessage(), since most rejections are counted and dropped
        // without anyone reading it, and building it was most of what a rejection allocated
        super(name, null, writableStackTrace);
        this.state = state;
        this.remainingWait = remainingWait;
    }

    /**
     * Says which breaker refused the call, in which state and for how long, e.g.
     * {@code Circuit breaker 'payments' is OPEN; calls are not permitted for another PT59S}. Built on each
     * call, from the immutable fields, so it is the same text every time.
     *
     * @return the message
     */
    @Override
    public String getMessage() {
        return "Circuit breaker '" + getName() + "' is " + state + "; calls are not permitted"
                + (remainingWait.isZero() ? "" : " for another " + remainingWait);
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
