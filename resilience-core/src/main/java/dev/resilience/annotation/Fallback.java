package dev.resilience.annotation;

import dev.resilience.fallback.FallbackHandler;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a method a fallback that answers instead when the protected call fails (after retries, and
 * including rejections by the other patterns).
 *
 * <p>Exactly one of {@link #method()} and {@link #handler()} must be set. A fallback method lives in the
 * same class, takes the protected method's parameter types optionally followed by one {@code Throwable}
 * (or subtype) parameter, and returns a type assignable to the protected method's; it may be private.
 * Among several candidates the one whose exception parameter is the most specific supertype of the thrown
 * exception wins. A fallback that cannot be resolved fails application startup.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Fallback {

    /**
     * The name of the fallback method in the same class.
     *
     * @return the method name, or empty when {@link #handler()} is used
     */
    String method() default "";

    /**
     * A handler class, looked up as a bean first and instantiated otherwise.
     *
     * @return the handler class, or {@link FallbackHandler} itself when {@link #method()} is used
     */
    Class<? extends FallbackHandler> handler() default FallbackHandler.class;

    /**
     * The failures that reach the fallback (subclasses included).
     *
     * @return the exception classes; default every {@link Exception}
     */
    Class<? extends Throwable>[] applyOn() default { Exception.class };

    /**
     * The failures that never reach the fallback; wins over {@link #applyOn()}.
     *
     * @return the exception classes; default none
     */
    Class<? extends Throwable>[] skipOn() default {};
}
