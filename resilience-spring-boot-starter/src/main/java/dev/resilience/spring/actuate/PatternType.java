package dev.resilience.spring.actuate;

import java.util.Optional;

/**
 * The five patterns as the {@code resilience} endpoint shows them: the path segment of
 * {@code /actuator/resilience/{type}/{name}} and the section name in {@code GET /actuator/resilience}.
 * Every section is always present in the endpoint's answer, empty when the pattern has no
 * {@link InstanceView} or no registry.
 */
public enum PatternType {

    /** Circuit breakers: {@code circuitbreakers}, section {@code circuitBreakers}. */
    CIRCUIT_BREAKER("circuitbreakers", "circuitBreakers"),
    /** Bulkheads: {@code bulkheads}, section {@code bulkheads}. */
    BULKHEAD("bulkheads", "bulkheads"),
    /** Retries: {@code retries}, section {@code retries}. */
    RETRY("retries", "retries"),
    /** Timeouts: {@code timeouts}, section {@code timeouts}. */
    TIMEOUT("timeouts", "timeouts"),
    /** Rate limiters: {@code ratelimiters}, section {@code rateLimiters}. */
    RATE_LIMITER("ratelimiters", "rateLimiters");

    private final String segment;
    private final String section;

    PatternType(String segment, String section) {
        this.segment = segment;
        this.section = section;
    }

    /** @return the path segment, lower case ({@code circuitbreakers}) */
    public String segment() {
        return segment;
    }

    /** @return the section name in the endpoint's answer, camelCase ({@code circuitBreakers}) */
    public String section() {
        return section;
    }

    /**
     * Finds the pattern of a path segment; the match is exact (segments are lower case).
     *
     * @param segment the path segment
     * @return the pattern, or empty for an unknown segment
     */
    public static Optional<PatternType> ofSegment(String segment) {
        for (PatternType type : values()) {
            if (type.segment.equals(segment)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
