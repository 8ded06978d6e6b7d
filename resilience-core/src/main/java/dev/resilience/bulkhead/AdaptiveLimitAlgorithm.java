package dev.resilience.bulkhead;

/** How an adaptive bulkhead moves its concurrency limit; see {@link AdaptiveLimitConfig} for the rules. */
public enum AdaptiveLimitAlgorithm {
    /** Additive increase on fast calls at high utilisation, multiplicative decrease on a slow call. */
    AIMD,
    /** The limit follows the ratio of the smallest to the recent latency, plus a headroom of sqrt(limit). */
    GRADIENT
}
