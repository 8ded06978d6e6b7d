package dev.resilience.retry;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of a retry, one small record per type.
 * Exception messages are kept only when the publisher includes them
 * ({@link dev.resilience.event.EventPublisher#includeMessages(boolean)}, off by default); class names always are.
 * Attempts are numbered from 1 (the first call).
 */
public sealed interface RetryEvent extends ResilienceEvent {

    /**
     * Attempt {@code attempt} failed and is about to be retried after {@code waitNanos}; {@code attempt}
     * is also the number of the retry (1 for the first retry).
     *
     * @param instanceName the retry
     * @param epochMillis when
     * @param attempt the attempt that failed, which is the number of the coming retry
     * @param waitNanos the wait before the retry
     * @param exception the failure's class name
     * @param message the failure's message, or null (always null unless messages are included)
     */
    record Retrying(String instanceName, long epochMillis, int attempt, long waitNanos, String exception,
            String message) implements RetryEvent {

        /**
         * A retry event without a message.
         *
         * @param instanceName the retry
         * @param epochMillis when
         * @param attempt the attempt that failed, which is the number of the coming retry
         * @param waitNanos the wait before the retry
         * @param exception the failure's class name
         */
        public Retrying(String instanceName, long epochMillis, int attempt, long waitNanos, String exception) {
            this(instanceName, epochMillis, attempt, waitNanos, exception, null);
        }

        @Override
        public EventType type() {
            return EventType.RETRY;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("attempt", attempt);
            details.put("waitMs", waitNanos / 1_000_000L);
            details.put("exception", exception);
            if (message != null) {
                details.put("message", message);
            }
            return details;
        }
    }

    /**
     * A retryable failure was not retried because a limit was reached; it goes to the caller.
     *
     * @param instanceName the retry
     * @param epochMillis when
     * @param attempts the attempts made
     * @param exception the last failure's class name
     * @param message the last failure's message, or null (always null unless messages are included)
     * @param reason the limit that stopped the retries
     */
    record Exhausted(String instanceName, long epochMillis, int attempts, String exception, String message,
            Reason reason) implements RetryEvent {

        /**
         * An exhausted-retries event without a message.
         *
         * @param instanceName the retry
         * @param epochMillis when
         * @param attempts the attempts made
         * @param exception the last failure's class name
         * @param reason the limit that stopped the retries
         */
        public Exhausted(String instanceName, long epochMillis, int attempts, String exception, Reason reason) {
            this(instanceName, epochMillis, attempts, exception, null, reason);
        }

        /** The limit that stopped the retries. */
        public enum Reason {
            /** {@code max-attempts} were made. */
            MAX_ATTEMPTS,
            /** The next retry's wait would have ended past {@code max-duration}. */
            MAX_DURATION,
            /** The retry budget had no room. */
            BUDGET
        }

        @Override
        public EventType type() {
            return EventType.EXHAUSTED;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("attempts", attempts);
            details.put("exception", exception);
            if (message != null) {
                details.put("message", message);
            }
            details.put("reason", reason.name());
            return details;
        }
    }

    /**
     * A call succeeded after at least one retry (a first-attempt success publishes nothing).
     *
     * @param instanceName the retry
     * @param epochMillis when
     * @param attempts the attempts made, at least 2
     */
    record Success(String instanceName, long epochMillis, int attempts) implements RetryEvent {
        @Override
        public EventType type() {
            return EventType.SUCCESS;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("attempts", attempts);
        }
    }

    /**
     * A failure that is never retried because of its class ({@code ignore-exceptions}, outside
     * {@code retry-exceptions}, or a rejection by another pattern); it goes to the caller.
     *
     * @param instanceName the retry
     * @param epochMillis when
     * @param attempts the attempts made
     * @param exception the failure's class name
     * @param message the failure's message, or null (always null unless messages are included)
     */
    record Ignored(String instanceName, long epochMillis, int attempts, String exception, String message)
            implements RetryEvent {

        /**
         * An ignored-failure event without a message.
         *
         * @param instanceName the retry
         * @param epochMillis when
         * @param attempts the attempts made
         * @param exception the failure's class name
         */
        public Ignored(String instanceName, long epochMillis, int attempts, String exception) {
            this(instanceName, epochMillis, attempts, exception, null);
        }

        @Override
        public EventType type() {
            return EventType.IGNORED;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("attempts", attempts);
            details.put("exception", exception);
            if (message != null) {
                details.put("message", message);
            }
            return details;
        }
    }
}
