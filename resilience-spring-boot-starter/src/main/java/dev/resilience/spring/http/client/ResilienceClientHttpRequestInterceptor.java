package dev.resilience.spring.http.client;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.retry.Retry;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Passes every request of a {@code RestClient} through the retry, circuit breaker and bulkhead of its key
 * (outermost first, as for annotations): {@code http-client[<host>]} or {@code http-client[<host>/<template>]}.
 *
 * <ul>
 * <li>Classification: a response whose status is in the breaker's {@code failure-status-codes} is a
 *     failure, any other status a success (a 404 is a success); an {@link IOException} from the exchange
 *     (refused or reset connection, read timeout) is a failure, classified by the breaker's exception rules.</li>
 * <li>Retry: only idempotent methods unless {@code retry-non-idempotent}; failure statuses are presented to
 *     the retry as {@link FailureStatusException}. Each retry resends the same body. A failed response that is
 *     retried is closed; the last one is returned, so the caller sees RestClient's usual status handling.</li>
 * <li>{@code Retry-After} on a 429 or 503 replaces the retry's backoff for that wait, and when the response
 *     opens the breaker it sets the OPEN wait (capped by {@code max-wait-duration-in-open-state}).</li>
 * <li>Rejections throw {@link dev.resilience.CircuitBreakerOpenException} and
 *     {@link dev.resilience.BulkheadFullException} (never retried); RestClient passes them to the caller as they are.</li>
 * <li>The bulkhead slot is held from sending the request until its status and headers arrive.</li>
 * </ul>
 *
 * <p>Thread safe and stateless: everything per key lives in the registries' instances.
 */
public final class ResilienceClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

    /** The request attribute under which {@code RestClient} records the URI template of a request. */
    static final String URI_TEMPLATE_ATTRIBUTE = "org.springframework.web.client.RestClient.uriTemplate";

    private final HttpClientInstances instances;

    /**
     * Creates the interceptor.
     *
     * @param instances the per-key instances
     */
    public ResilienceClientHttpRequestInterceptor(HttpClientInstances instances) {
        this.instances = instances;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String key = instances.keyOf(request.getURI(), request.getAttributes().get(URI_TEMPLATE_ATTRIBUTE));
        CircuitBreaker breaker = instances.breaker(key);
        Bulkhead bulkhead = instances.bulkhead(key);
        if (!instances.retries(request.getMethod().name())) {
            return attempt(breaker, bulkhead, request, body, execution);
        }
        Retry.Context retry = instances.retry(key).start();
        while (true) {
            ClientHttpResponse response;
            try {
                response = attempt(breaker, bulkhead, request, body, execution);
            } catch (IOException | RuntimeException failure) {
                long delay = retry.onFailure(failure);
                if (delay < 0 || !retry.awaitRetry(delay)) {
                    throw failure;
                }
                continue;
            }
            int status = response.getStatusCode().value();
            if (!breaker.config().failureStatusCodes().contains(status)) {
                retry.onSuccess();
                return response;
            }
            FailureStatusException failure = new FailureStatusException(breaker.name(), status);
            long delay = retry.onFailure(failure, retryAfterNanos(breaker, status, response.getHeaders()));
            if (delay < 0) {
                return response;
            }
            response.close();
            if (!retry.awaitRetry(delay)) {
                throw failure;
            }
        }
    }

    private static ClientHttpResponse attempt(CircuitBreaker breaker, Bulkhead bulkhead, HttpRequest request,
            byte[] body, ClientHttpRequestExecution execution) throws IOException {
        CircuitBreaker.Permit permit = breaker.acquirePermit();
        long start = breaker.timeSource().nanoTime();
        Bulkhead.Permit slot;
        try {
            slot = bulkhead.acquirePermit();
        } catch (RuntimeException rejected) {
            permit.onError(start, rejected); // a full bulkhead is ignored by the breaker: the probe slot comes back
            throw rejected;
        }
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
        } catch (IOException | RuntimeException | Error failure) {
            slot.release();
            permit.onError(start, failure);
            throw failure;
        }
        slot.release();
        int status = response.getStatusCode().value();
        permit.onStatus(start, status, retryAfterNanos(breaker, status, response.getHeaders()));
        return response;
    }

    private static long retryAfterNanos(CircuitBreaker breaker, int status, HttpHeaders headers) {
        return RetryAfter.nanos(status, headers.getFirst(HttpHeaders.RETRY_AFTER), breaker.timeSource());
    }
}
