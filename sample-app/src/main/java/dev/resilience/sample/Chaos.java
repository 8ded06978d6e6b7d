package dev.resilience.sample;

/**
 * How badly the simulated downstream behaves.
 *
 * @param failureRate fraction of calls that fail, 0.0 to 1.0
 * @param latencyMs extra time every call takes, in milliseconds
 */
public record Chaos(double failureRate, long latencyMs) {

    /** A healthy downstream. */
    public static final Chaos NONE = new Chaos(0, 0);

    /**
     * Validates the settings.
     *
     * @param failureRate fraction of calls that fail
     * @param latencyMs extra latency
     */
    public Chaos {
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("failureRate must be between 0.0 and 1.0, was " + failureRate);
        }
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new IllegalArgumentException("latencyMs must be between 0 and 60000, was " + latencyMs);
        }
    }
}
