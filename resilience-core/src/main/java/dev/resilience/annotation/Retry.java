package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calls the method again after a failure, with backoff, up to {@code max-attempts}; when every attempt
 * fails, the last failure is rethrown with the earlier ones attached as suppressed.
 *
 * <p>Allowed on a method or on a type (then every public method of it); a method-level annotation wins
 * over a type-level one. Composition order, outermost first, whatever order annotations are written in:
 * Fallback, Retry, CircuitBreaker, RateLimiter, Timeout, Bulkhead, method.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Retry {

    /**
     * The instance name; configuration is looked up under {@code resilience.retry.instances.<name>}. Every method
     * annotated with the same kind and name shares one instance.
     *
     * @return the name; empty means {@code SimpleClassName.methodName}
     */
    String name() default "";
}
