package dev.resilience.spring.http.client;

import java.io.IOException;

/**
 * What the outbound HTTP client's retry sees when a response's status is in the circuit breaker's
 * {@code failure-status-codes} (a 503, say): the retry decides on it like on any failure, so it can be
 * listed in {@code retry-exceptions} or {@code ignore-exceptions}. It is an {@link IOException}, so that
 * {@code retry-exceptions: [java.io.IOException]} retries failure statuses as well as connection failures.
 *
 * <p>The caller normally never sees it: when no retry follows, the caller gets the failed response itself
 * (and RestClient's status handling as usual). It is thrown only when the thread is interrupted while it
 * waits to retry, after the failed response was closed. Carries no stack trace (it is made per failed
 * response).
 */
public final class FailureStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception.
     *
     * @param instanceName the display name of the instance, e.g. {@code http-client[api.example.com]}
     * @param status the response's HTTP status
     */
    public FailureStatusException(String instanceName, int status) {
        super(instanceName + " answered HTTP " + status);
        this.status = status;
    }

    /** @return the response's HTTP status */
    public int getStatus() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
