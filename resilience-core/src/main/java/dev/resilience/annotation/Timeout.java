package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds how long a call may run; the caller gets {@link dev.resilience.TimeoutExceededException} at
 * the deadline, also for ordinary synchronous methods.
 *
 * <p>Allowed on a method or on a type (then every public method of it); a method-level annotation wins
 * over a type-level one. Composition order, outermost first, whatever order annotations are written in:
 * Fallback, Retry, CircuitBreaker, RateLimiter, Timeout, Bulkhead, method.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Timeout {

    /**
     * The instance name; configuration is looked up under {@code resilience.timeout.instances.<name>}. Every method
     * annotated with the same kind and name shares one instance.
     *
     * @return the name; empty means {@code SimpleClassName.methodName}
     */
    String name() default "";

    /**
     * The timeout as a duration string ({@code "2s"}, {@code "500ms"}, or ISO-8601 {@code "PT2S"}).
     * {@code instances.<name>.duration} in configuration still wins over it.
     *
     * @return the timeout; empty means from configuration
     */
    String value() default "";
}
