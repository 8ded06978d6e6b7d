package dev.resilience;

import java.time.Duration;

/** Thrown (or completed exceptionally) when a call does not finish within its timeout. */
public class TimeoutExceededException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param name the timeout instance's name
     * @param timeout the time the call was allowed
     * @param writableStackTrace whether to capture the stack trace
     */
    public TimeoutExceededException(String name, Duration timeout, boolean writableStackTrace) {
        super(name, "Call guarded by timeout '" + name + "' did not finish within " + timeout, writableStackTrace);
        this.timeout = timeout;
    }

    /**
     * The time the call was allowed (after deadline propagation, the time that was left).
     *
     * @return the timeout
     */
    public Duration getTimeout() {
        return timeout;
    }
}
