package dev.resilience.spring.healthcheck;

import java.net.URI;
import java.time.Duration;

/**
 * One validated {@code health-check} section: which breaker follows which signal, and how often it is
 * checked. Exactly one of {@code contributor} and {@code url} is set. Immutable.
 *
 * @param breaker the circuit breaker's name (its keyed instances {@code name[key]} follow the signal too)
 * @param path the yml path of the section, e.g. {@code resilience.circuitbreaker.instances.payments.health-check}
 * @param contributor the health contributor's path, or {@code null}
 * @param url the polled URL, or {@code null}
 * @param interval time between the end of one check and the start of the next, positive
 * @param timeout the longest one check may take, positive
 * @param unhealthyThreshold unhealthy checks in a row that hold the breaker OPEN, at least 1
 * @param healthyThreshold healthy checks in a row that release it, at least 1
 */
public record HealthCheckSpec(String breaker, String path, String contributor, URI url, Duration interval,
        Duration timeout, int unhealthyThreshold, int healthyThreshold) {
}
