package dev.resilience.spring.http.client;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.spring.config.HttpClientProperties;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * What the RestClient interceptor and the WebClient filter share: the per-key instances of
 * {@value #NAME} in the starter's registries, how a request is keyed, and which requests may be retried.
 * The registries create each key's instances once (with that host's configuration) and evict the least
 * recently used beyond {@code max-keys}; a lookup of an existing instance takes no lock and allocates
 * nothing. Thread safe.
 */
public final class HttpClientInstances {

    /** The name of the outbound HTTP client's instances; each is shown as {@code http-client[<key>]}. */
    public static final String NAME = "http-client";

    /** Methods that RFC 9110 defines as idempotent; only they are retried unless configured otherwise. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final InstanceRegistry<CircuitBreaker> breakers;
    private final InstanceRegistry<Bulkhead> bulkheads;
    private final InstanceRegistry<Retry> retries;
    private final RequestKeys keys;
    private final boolean retryNonIdempotent;

    /**
     * Creates the lookups.
     *
     * @param breakers the circuit breaker registry
     * @param bulkheads the bulkhead registry
     * @param retries the retry registry
     * @param properties the {@code resilience.http.client} properties ({@code key}, {@code retry-non-idempotent})
     */
    public HttpClientInstances(InstanceRegistry<CircuitBreaker> breakers, InstanceRegistry<Bulkhead> bulkheads,
            InstanceRegistry<Retry> retries, HttpClientProperties properties) {
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.bulkheads = Objects.requireNonNull(bulkheads, "bulkheads");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.keys = new RequestKeys(properties.getKey());
        this.retryNonIdempotent = properties.isRetryNonIdempotent();
    }

    /**
     * The key of a request's instances.
     *
     * @param uri the request URI
     * @param uriTemplate the URI template the client recorded for the request, or null
     * @return the key
     */
    String keyOf(URI uri, Object uriTemplate) {
        return keys.keyOf(uri, uriTemplate);
    }

    /**
     * Whether a request of this method may be retried.
     *
     * @param method the HTTP method name, upper case
     * @return {@code true} for an idempotent method, or for every method with {@code retry-non-idempotent}
     */
    boolean retries(String method) {
        return retryNonIdempotent || IDEMPOTENT.contains(method);
    }

    CircuitBreaker breaker(String key) {
        return breakers.get(NAME, key);
    }

    Bulkhead bulkhead(String key) {
        return bulkheads.get(NAME, key);
    }

    Retry retry(String key) {
        return retries.get(NAME, key);
    }
}
