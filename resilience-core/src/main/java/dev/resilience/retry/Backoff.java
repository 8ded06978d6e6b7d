package dev.resilience.retry;

/**
 * How the wait before each retry grows. Retry {@code n} (1 for the first retry) waits, before jitter and
 * the {@code max-wait-duration} cap:
 * <ul>
 * <li>{@link #EXPONENTIAL}: {@code wait-duration × multiplier^(n-1)};</li>
 * <li>{@link #LINEAR}: {@code wait-duration × n};</li>
 * <li>{@link #FIXED}: {@code wait-duration}.</li>
 * </ul>
 */
public enum Backoff {
    /** {@code wait-duration × multiplier^(n-1)} before retry n. */
    EXPONENTIAL,
    /** {@code wait-duration × n} before retry n. */
    LINEAR,
    /** {@code wait-duration} before every retry. */
    FIXED
}
