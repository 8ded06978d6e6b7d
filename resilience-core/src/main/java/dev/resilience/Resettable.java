package dev.resilience;

/**
 * Something whose state and statistics can be put back to how they were at creation. Every pattern's
 * instance type ({@code CircuitBreaker}, {@code Bulkhead}, {@code RateLimiter}, {@code Retry},
 * {@code Timeout}) is one, so tools such as the Actuator endpoint or a test kit can reset an instance
 * without knowing its pattern.
 */
public interface Resettable {

    /**
     * Puts the instance back to its initial state and clears its statistics. Thread safe; calls in flight
     * may still report their outcome afterwards. What else it does is up to the pattern (a circuit
     * breaker closes, for example).
     */
    void reset();
}
