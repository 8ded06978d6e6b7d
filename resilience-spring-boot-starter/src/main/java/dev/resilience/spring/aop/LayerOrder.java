package dev.resilience.spring.aop;

/**
 * Where each pattern sits in a pipeline, outermost first (SPEC §2): Fallback, Retry, CircuitBreaker,
 * RateLimiter, Timeout, Bulkhead, then the method, whatever order the annotations are written in. A
 * {@link LayerFactory#order()} returns one of these; a smaller value runs further out.
 */
public final class LayerOrder {

    /** {@code @Fallback}: sees every failure, rejections included, after retries. */
    public static final int FALLBACK = 100;
    /** {@code @Retry}: re-runs everything inside it. */
    public static final int RETRY = 200;
    /** {@code @CircuitBreaker}: counts each attempt. */
    public static final int CIRCUIT_BREAKER = 300;
    /** {@code @RateLimiter}: spends a permit only on calls the breaker lets through. */
    public static final int RATE_LIMITER = 400;
    /** {@code @Timeout}: bounds the call, queueing in the bulkhead included. */
    public static final int TIMEOUT = 500;
    /** {@code @Bulkhead}: innermost, holds a slot only while the method runs. */
    public static final int BULKHEAD = 600;

    private LayerOrder() {
    }
}
