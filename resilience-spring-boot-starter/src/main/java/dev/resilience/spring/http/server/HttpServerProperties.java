package dev.resilience.spring.http.server;

import dev.resilience.spring.config.BulkheadSettings;
import dev.resilience.spring.config.RateLimiterSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Everything under {@code resilience.http.server}: inbound HTTP protection per endpoint (an HTTP method and
 * a route template, such as {@code GET /orders/{id}}). The {@code bulkhead} and {@code ratelimiter} sections
 * hold the same keys as a bulkhead or rate limiter instance and apply to every endpoint; a section under
 * {@code endpoints} adds to them for one endpoint. A pattern whose section is absent at both levels does
 * not protect that endpoint. Unknown keys fail startup.
 *
 * <p>Mutable JavaBean bound once at startup; read-only afterwards.
 */
@ConfigurationProperties(prefix = HttpServerProperties.PREFIX, ignoreUnknownFields = false)
public class HttpServerProperties {

    /** The yml prefix of this section. */
    public static final String PREFIX = "resilience.http.server";

    /**
     * Whether a bulkhead and rate limiter protect each endpoint of the Spring MVC application (instances
     * http-server[METHOD /route/{template}] in the bulkhead and rate limiter registries).
     */
    private boolean enabled;

    /**
     * Bulkhead settings for every endpoint, above resilience.bulkhead.defaults, its preset and
     * resilience.bulkhead.instances.http-server. Absent (at this level and for an endpoint) = no bulkhead.
     */
    @NestedConfigurationProperty
    private BulkheadSettings bulkhead;

    /**
     * Rate limiter settings for every endpoint, above resilience.ratelimiter.defaults, its preset and
     * resilience.ratelimiter.instances.http-server. Absent (at this level and for an endpoint) = no rate
     * limiter.
     */
    @NestedConfigurationProperty
    private RateLimiterSettings ratelimiter;

    /**
     * Settings of single endpoints, by "METHOD /route/{template}" as Spring MVC matched it (in brackets in
     * yml: "[GET /orders/{id}]"); they win over the settings for every endpoint.
     */
    private final Map<String, EndpointSettings> endpoints = new LinkedHashMap<>();

    /**
     * Request path patterns that are never protected, in Spring's PathPattern syntax. Default: /actuator/**;
     * a list of your own replaces it.
     */
    private final List<String> exclude = new ArrayList<>(List.of("/actuator/**"));

    /** The Retry-After a request refused by a full bulkhead gets (whole seconds, rounded up). Greater than zero. */
    private Duration bulkheadRetryAfter = Duration.ofSeconds(1);

    /** @return whether endpoints are protected */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether endpoints are protected */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the bulkhead settings for every endpoint, or {@code null} if absent */
    public BulkheadSettings getBulkhead() {
        return bulkhead;
    }

    /** @param bulkhead the bulkhead settings for every endpoint */
    public void setBulkhead(BulkheadSettings bulkhead) {
        this.bulkhead = bulkhead;
    }

    /** @return the rate limiter settings for every endpoint, or {@code null} if absent */
    public RateLimiterSettings getRatelimiter() {
        return ratelimiter;
    }

    /** @param ratelimiter the rate limiter settings for every endpoint */
    public void setRatelimiter(RateLimiterSettings ratelimiter) {
        this.ratelimiter = ratelimiter;
    }

    /** @return the settings of single endpoints, by endpoint id */
    public Map<String, EndpointSettings> getEndpoints() {
        return endpoints;
    }

    /** @return the path patterns never protected */
    public List<String> getExclude() {
        return exclude;
    }

    /** @return the Retry-After of a bulkhead refusal */
    public Duration getBulkheadRetryAfter() {
        return bulkheadRetryAfter;
    }

    /** @param bulkheadRetryAfter the Retry-After of a bulkhead refusal */
    public void setBulkheadRetryAfter(Duration bulkheadRetryAfter) {
        this.bulkheadRetryAfter = bulkheadRetryAfter;
    }

    /** The settings of one endpoint under {@code endpoints}. */
    public static class EndpointSettings {

        /** Bulkhead settings of this endpoint, above those for every endpoint. */
        @NestedConfigurationProperty
        private BulkheadSettings bulkhead;

        /** Rate limiter settings of this endpoint, above those for every endpoint. */
        @NestedConfigurationProperty
        private RateLimiterSettings ratelimiter;

        /** @return the bulkhead settings of this endpoint, or {@code null} if absent */
        public BulkheadSettings getBulkhead() {
            return bulkhead;
        }

        /** @param bulkhead the bulkhead settings of this endpoint */
        public void setBulkhead(BulkheadSettings bulkhead) {
            this.bulkhead = bulkhead;
        }

        /** @return the rate limiter settings of this endpoint, or {@code null} if absent */
        public RateLimiterSettings getRatelimiter() {
            return ratelimiter;
        }

        /** @param ratelimiter the rate limiter settings of this endpoint */
        public void setRatelimiter(RateLimiterSettings ratelimiter) {
            this.ratelimiter = ratelimiter;
        }
    }
}
