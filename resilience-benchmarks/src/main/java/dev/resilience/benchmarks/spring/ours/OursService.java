package dev.resilience.benchmarks.spring.ours;

import dev.resilience.annotation.CircuitBreaker;

/**
 * The service of our application: one method behind our {@code @CircuitBreaker}, and the same work
 * unannotated. Mirrors {@code dev.resilience.benchmarks.spring.r4j.R4jService}.
 */
public class OursService {

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
