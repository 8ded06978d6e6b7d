package dev.resilience.spring.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything under {@code resilience.http.client}: the outbound HTTP client's circuit breaker, bulkhead and
 * retry per host. Each of the three sections takes the keys of its pattern's instances (presets included);
 * its instances are layered as built-in defaults, {@code resilience.<pattern>.defaults}, the preset, this
 * section, then {@code hosts.<host>.<pattern>}. Unknown keys fail startup; invalid values fail it when
 * {@code enabled} is true, naming the yml path.
 */
@ConfigurationProperties(prefix = HttpClientProperties.PREFIX, ignoreUnknownFields = false)
public class HttpClientProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "resilience.http.client";

    /**
     * Whether RestClient (and, with WebFlux, WebClient) builders of the application get the interceptor that
     * passes every request through a circuit breaker, bulkhead and retry per host.
     */
    private boolean enabled;

    /** What an instance is keyed by: the request's host, or its host and URI template path. */
    private HttpClientKey key = HttpClientKey.HOST;

    /** Whether requests with non-idempotent methods (POST, PATCH) are retried too; by default only GET, HEAD, OPTIONS, PUT, DELETE and TRACE are. */
    private boolean retryNonIdempotent;

    /** Circuit breaker settings of every host (the keys of resilience.circuitbreaker.instances.*). */
    @NestedConfigurationProperty
    private final CircuitBreakerSettings circuitbreaker = new CircuitBreakerSettings();

    /** Bulkhead settings of every host (the keys of resilience.bulkhead.instances.*). */
    @NestedConfigurationProperty
    private final BulkheadSettings bulkhead = new BulkheadSettings();

    /** Retry settings of every host (the keys of resilience.retry.instances.*). */
    @NestedConfigurationProperty
    private final RetrySettings retry = new RetrySettings();

    /** Settings of single hosts, by host name (in brackets when it holds dots: "[api.example.com]"); they win over the sections above. */
    private final Map<String, Host> hosts = new LinkedHashMap<>();

    /** @return whether the outbound interceptor is registered */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the outbound interceptor is registered */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return what instances are keyed by */
    public HttpClientKey getKey() {
        return key;
    }

    /** @param key what instances are keyed by */
    public void setKey(HttpClientKey key) {
        this.key = key;
    }

    /** @return whether non-idempotent requests are retried */
    public boolean isRetryNonIdempotent() {
        return retryNonIdempotent;
    }

    /** @param retryNonIdempotent whether non-idempotent requests are retried */
    public void setRetryNonIdempotent(boolean retryNonIdempotent) {
        this.retryNonIdempotent = retryNonIdempotent;
    }

    /** @return the circuit breaker settings of every host */
    public CircuitBreakerSettings getCircuitbreaker() {
        return circuitbreaker;
    }

    /** @return the bulkhead settings of every host */
    public BulkheadSettings getBulkhead() {
        return bulkhead;
    }

    /** @return the retry settings of every host */
    public RetrySettings getRetry() {
        return retry;
    }

    /** @return the per-host settings, by host name */
    public Map<String, Host> getHosts() {
        return hosts;
    }

    /** What instances of the outbound HTTP client are keyed by. */
    public enum HttpClientKey {
        /** The request URI's host (without the port): {@code api.example.com}. */
        HOST,
        /**
         * The host and the path of the request's URI template, {@code api.example.com/users/{id}}; requests
         * made without a template (with a ready {@code URI}) are keyed by the host alone, never by a raw path.
         */
        HOST_AND_PATH
    }

    /** The settings of one host; each section overrides only the keys it sets. */
    public static class Host {

        /** Circuit breaker settings of this host. */
        @NestedConfigurationProperty
        private final CircuitBreakerSettings circuitbreaker = new CircuitBreakerSettings();

        /** Bulkhead settings of this host. */
        @NestedConfigurationProperty
        private final BulkheadSettings bulkhead = new BulkheadSettings();

        /** Retry settings of this host. */
        @NestedConfigurationProperty
        private final RetrySettings retry = new RetrySettings();

        /** @return the circuit breaker settings of this host */
        public CircuitBreakerSettings getCircuitbreaker() {
            return circuitbreaker;
        }

        /** @return the bulkhead settings of this host */
        public BulkheadSettings getBulkhead() {
            return bulkhead;
        }

        /** @return the retry settings of this host */
        public RetrySettings getRetry() {
            return retry;
        }
    }
}
