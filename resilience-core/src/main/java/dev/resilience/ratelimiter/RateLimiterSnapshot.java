package dev.resilience.ratelimiter;

/**
 * A copy of one rate limiter's state and statistics at one moment. Counters count since creation or the
 * last {@link RateLimiter#reset()}.
 *
 * @param availablePermits permits left in the current period; negative when waiting callers have already
 *        reserved permits of later periods (then it is minus the number of permits reserved beyond this one)
 * @param permittedCalls calls that got a permit (at once or after waiting)
 * @param rejectedCalls calls refused with {@link dev.resilience.RateLimitExceededException}
 */
public record RateLimiterSnapshot(int availablePermits, long permittedCalls, long rejectedCalls) {
}
