package dev.resilience.retry;

import java.util.function.DoubleSupplier;

/**
 * Computes the wait before each retry from a configuration. The nominal wait is capped by
 * {@code max-wait-duration}, then jitter moves it uniformly within {@code ±jitter}, then the cap applies
 * again, so that the cap bounds every wait actually taken. Stateless apart from the random source, so
 * thread safe when the source is; allocation free.
 */
final class BackoffDelays {

    private final Backoff backoff;
    private final double waitNanos;
    private final double multiplier;
    private final double capNanos;
    private final double jitter;
    private final DoubleSupplier random;

    BackoffDelays(RetryConfig config, DoubleSupplier random) {
        this.backoff = config.backoff();
        this.waitNanos = Durations.saturatedNanos(config.waitDuration());
        this.multiplier = config.multiplier();
        this.capNanos = Durations.saturatedNanos(config.maxWaitDuration());
        this.jitter = config.jitter();
        this.random = random;
    }

    /**
     * The wait before retry {@code n}.
     *
     * @param retry the retry's number, 1 for the first retry
     * @return nanoseconds, at least 0 and at most {@code max-wait-duration}
     */
    long delayNanos(int retry) {
        double nominal;
        switch (backoff) {
            case FIXED -> nominal = waitNanos;
            case LINEAR -> nominal = waitNanos * retry;
            default -> nominal = waitNanos * Math.pow(multiplier, retry - 1);
        }
        double delay = Math.min(nominal, capNanos);
        if (jitter > 0) {
            delay = Math.min(delay * (1 + jitter * (2 * random.getAsDouble() - 1)), capNanos);
        }
        return Math.max(0, Math.round(delay));
    }
}
