package dev.resilience.benchmarks.spring.r4j;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

/**
 * The service of the Resilience4j application: one method behind Resilience4j's {@code @CircuitBreaker},
 * and the same work unannotated. Mirrors {@code dev.resilience.benchmarks.spring.ours.OursService}.
 */
public class R4jService {

    private String value = "ok";

    /** @return the work, through the circuit breaker "backend" */
    @CircuitBreaker(name = "backend")
    public String annotated() {
        return value;
    }

    /** @return the work, through the bean's proxy but no advice */
    public String plain() {
        return value;
    }
}
