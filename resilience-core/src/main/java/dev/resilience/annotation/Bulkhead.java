package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how many calls of a method run at once; further callers wait in a bounded queue or are
 * rejected with {@link dev.resilience.BulkheadFullException}.
 *
 * <p>Allowed on a method or on a type (then every public method of it); a method-level annotation wins
 * over a type-level one. Composition order, outermost first, whatever order annotations are written in:
 * Fallback, Retry, CircuitBreaker, RateLimiter, Timeout, Bulkhead, method.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Bulkhead {

    /**
     * The instance name; configuration is looked up under {@code resilience.bulkhead.instances.<name>}. Every method
     * annotated with the same kind and name shares one instance.
     *
     * @return the name; empty means {@code SimpleClassName.methodName}
     */
    String name() default "";

    /**
     * A SpEL expression over the method arguments (by parameter name, or {@code #p0}/{@code #a0}) that
     * selects one instance per distinct value, named {@code name[key]}; every keyed instance takes its
     * configuration from {@code instances.<name>}. The number of keys per name is bounded by
     * {@code max-keys} (least recently used evicted). A null value uses the un-keyed instance.
     *
     * @return the key expression; empty means one instance for every call
     */
    String key() default "";
}
