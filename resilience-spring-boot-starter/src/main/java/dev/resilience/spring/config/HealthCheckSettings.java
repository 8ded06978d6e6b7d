package dev.resilience.spring.config;

import java.time.Duration;

/**
 * The keys under {@code resilience.circuitbreaker.instances.<name>.health-check}: a health signal the
 * breaker follows, either a Spring Boot health contributor ({@code contributor}) or an HTTP URL polled
 * with GET ({@code url}), exactly one of them. Read only under {@code instances.<name>}; startup fails
 * when it is written under {@code defaults} or a preset. Validated, with yml paths, by
 * {@code dev.resilience.spring.healthcheck.HealthCheckSpecs}.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class HealthCheckSettings {

    /** Name of a Spring Boot health contributor whose status the breaker follows (a composite's member as 'db/primary'); DOWN and OUT_OF_SERVICE are unhealthy. Exclusive with 'url'. */
    private String contributor;

    /** An http or https URL polled with GET; a 2xx answer is healthy, any other status, a timeout or a connection error unhealthy. Exclusive with 'contributor'. */
    private String url;

    /** Time between the end of one check and the start of the next. Greater than zero. */
    private Duration interval = Duration.ofSeconds(10);

    /** Longest a check may take; a check that takes longer is unhealthy. Greater than zero. */
    private Duration timeout = Duration.ofSeconds(2);

    /** Unhealthy checks in a row that hold the breaker OPEN. At least 1. */
    private int unhealthyThreshold = 1;

    /** Healthy checks in a row that release a held breaker to HALF_OPEN. At least 1. */
    private int healthyThreshold = 1;

    /** @return the health contributor's name or path, or {@code null} */
    public String getContributor() {
        return contributor;
    }

    /** @param contributor the health contributor's name or path */
    public void setContributor(String contributor) {
        this.contributor = contributor;
    }

    /** @return the polled URL, or {@code null} */
    public String getUrl() {
        return url;
    }

    /** @param url the polled URL */
    public void setUrl(String url) {
        this.url = url;
    }

    /** @return the time between checks */
    public Duration getInterval() {
        return interval;
    }

    /** @param interval the time between checks */
    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    /** @return the longest a check may take */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param timeout the longest a check may take */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** @return unhealthy checks in a row that hold the breaker OPEN */
    public int getUnhealthyThreshold() {
        return unhealthyThreshold;
    }

    /** @param unhealthyThreshold unhealthy checks in a row that hold the breaker OPEN */
    public void setUnhealthyThreshold(int unhealthyThreshold) {
        this.unhealthyThreshold = unhealthyThreshold;
    }

    /** @return healthy checks in a row that release a held breaker */
    public int getHealthyThreshold() {
        return healthyThreshold;
    }

    /** @param healthyThreshold healthy checks in a row that release a held breaker */
    public void setHealthyThreshold(int healthyThreshold) {
        this.healthyThreshold = healthyThreshold;
    }
}
