package dev.resilience.circuitbreaker;

/**
 * Finds the HTTP status a call's result or exception carries, so that the breaker can classify it with
 * {@code failure-status-codes}. Core knows no HTTP library; the Spring starter supplies a resolver for
 * {@code ResponseEntity}, {@code RestClientResponseException} and {@code WebClientResponseException}.
 * Implementations must be thread safe, allocation free and fast: they run on every call.
 */
@FunctionalInterface
public interface StatusResolver {

    /** Resolves nothing: no result or exception carries a status. */
    StatusResolver NONE = resultOrException -> -1;

    /**
     * The HTTP status carried by a result or exception.
     *
     * @param resultOrException the method's return value or the throwable it threw (may be null)
     * @return the status code, or -1 if it carries none
     */
    int statusOf(Object resultOrException);
}
