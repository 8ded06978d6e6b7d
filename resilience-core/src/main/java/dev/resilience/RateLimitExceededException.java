package dev.resilience;

import java.time.Duration;

/** Thrown when a rate limiter has no permit for a call within the caller's allowed wait. */
public class RateLimitExceededException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param name the rate limiter's name
     * @param retryAfter how long until a permit is expected to be free
     * @param writableStackTrace whether to capture the stack trace
     */
    public RateLimitExceededException(String name, Duration retryAfter, boolean writableStackTrace) {
        super(name, "Rate limiter '" + name + "' has no permit; retry after " + retryAfter, writableStackTrace);
        this.retryAfter = retryAfter;
    }

    /**
     * How long until a permit is expected to be free.
     *
     * @return the wait, never negative
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
