package dev.resilience.fallback;

import java.lang.reflect.Method;

/**
 * Answers for a failed call named by {@link dev.resilience.annotation.Fallback#handler()}. Implementations must be thread safe.
 */
@FunctionalInterface
public interface FallbackHandler {

    /**
     * Produces the value to return instead of the failure, or throws.
     *
     * @param method the protected method
     * @param arguments the arguments of the failed call
     * @param failure the failure that reached the fallback
     * @return a value assignable to the method's return type
     * @throws Throwable to fail the call with this throwable instead
     */
    Object handle(Method method, Object[] arguments, Throwable failure) throws Throwable;
}
