package dev.resilience.circuitbreaker;

import dev.resilience.BulkheadFullException;
import dev.resilience.RateLimitExceededException;
import java.util.List;

/**
 * Decides what a call's result or exception means to the breaker, resolved once per configuration
 * (rulings 5 and 6). Immutable and thread safe.
 *
 * <p>Exceptions are classified in this order: ignored classes (the built-in {@link BulkheadFullException}
 * and {@link RateLimitExceededException}, then {@code ignore-exceptions}, subclasses included) are not
 * recorded; an exception carrying an HTTP status is a failure if the status is in
 * {@code failure-status-codes} and a success otherwise; with {@code record-exceptions} set, only those
 * (and subclasses) are failures and every other exception is a success; otherwise every exception is a
 * failure. The class-based parts are cached per exception class in a {@link ClassValue}, so the hot path
 * never walks a class hierarchy twice for the same class.
 */
final class OutcomeClassifier {

    /** What an outcome counts as. */
    enum Outcome {
        /** Recorded as a success. */
        SUCCESS,
        /** Recorded as a failure. */
        FAILURE,
        /** Not recorded at all. */
        IGNORED
    }

    private static final List<Class<? extends Throwable>> ALWAYS_IGNORED =
            List.of(BulkheadFullException.class, RateLimitExceededException.class);

    private final StatusCodeSet failureStatusCodes;
    private final StatusResolver statusResolver;
    private final boolean resolvesStatus;
    private final ClassValue<Outcome> byClass;

    OutcomeClassifier(CircuitBreakerConfig config) {
        this.failureStatusCodes = config.failureStatusCodes();
        this.statusResolver = config.statusResolver();
        this.resolvesStatus = statusResolver != StatusResolver.NONE;
        List<Class<? extends Throwable>> ignore = config.ignoreExceptions();
        List<Class<? extends Throwable>> record = config.recordExceptions();
        this.byClass = new ClassValue<>() {
            @Override
            protected Outcome computeValue(Class<?> type) {
                if (matches(ALWAYS_IGNORED, type) || matches(ignore, type)) {
                    return Outcome.IGNORED;
                }
                return record.isEmpty() || matches(record, type) ? Outcome.FAILURE : Outcome.SUCCESS;
            }
        };
    }

    private static boolean matches(List<Class<? extends Throwable>> types, Class<?> type) {
        for (Class<? extends Throwable> candidate : types) {
            if (candidate.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Classifies a thrown exception.
     *
     * @param error what the call threw
     * @return what it counts as
     */
    Outcome classifyError(Throwable error) {
        Outcome byType = byClass.get(error.getClass());
        if (byType == Outcome.IGNORED) {
            return byType;
        }
        int status = statusOf(error);
        if (status >= 0) {
            return failureStatusCodes.contains(status) ? Outcome.FAILURE : Outcome.SUCCESS;
        }
        return byType;
    }

    /**
     * Whether a status counts as a failure.
     *
     * @param status an HTTP status, or -1 for none
     * @return {@code true} if it is in {@code failure-status-codes}
     */
    boolean isFailureStatus(int status) {
        return failureStatusCodes.contains(status);
    }

    /**
     * The HTTP status a result or exception carries.
     *
     * @param resultOrError the value
     * @return the status, or -1
     */
    int statusOf(Object resultOrError) {
        return resolvesStatus ? statusResolver.statusOf(resultOrError) : -1;
    }
}
