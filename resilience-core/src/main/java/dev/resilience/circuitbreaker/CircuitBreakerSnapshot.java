package dev.resilience.circuitbreaker;

import java.time.Duration;

/**
 * A copy of one breaker's statistics at one moment. Window figures describe the current state's window
 * (every transition starts an empty one): in CLOSED its sliding window; in HALF_OPEN the probes recorded
 * so far; in OPEN the figures of the window that opened it (so the endpoint shows why it is open); in
 * FORCED_OPEN and DISABLED nothing. Totals count since creation or the last reset, in every state
 * (DISABLED included). A TIME_BASED window forgets the seconds that have passed when the snapshot is
 * taken; its figures saturate at {@link Integer#MAX_VALUE}.
 *
 * @param state the current state
 * @param failureRate failed calls in the window, in percent; -1 until {@code minimum-number-of-calls}
 * @param slowCallRate slow calls in the window, in percent; -1 until {@code minimum-number-of-calls}
 * @param bufferedCalls calls in the window
 * @param failedCalls failed calls in the window
 * @param slowCalls slow calls in the window
 * @param notPermittedCalls calls rejected, total
 * @param successfulCalls calls recorded as successes, total
 * @param failedCallsTotal calls recorded as failures, total
 * @param ignoredCalls calls whose exception was ignored, total
 * @param successfulNanos summed duration of successful calls, total
 * @param failedNanos summed duration of failed calls, total
 * @param ignoredNanos summed duration of ignored calls, total
 * @param slowSuccessfulCalls slow successful calls, total
 * @param slowFailedCalls slow failed calls, total
 * @param remainingWait time until OPEN lets a probe through; zero in other states
 */
public record CircuitBreakerSnapshot(
        CircuitBreakerState state,
        float failureRate,
        float slowCallRate,
        int bufferedCalls,
        int failedCalls,
        int slowCalls,
        long notPermittedCalls,
        long successfulCalls,
        long failedCallsTotal,
        long ignoredCalls,
        long successfulNanos,
        long failedNanos,
        long ignoredNanos,
        long slowSuccessfulCalls,
        long slowFailedCalls,
        Duration remainingWait) {
}
