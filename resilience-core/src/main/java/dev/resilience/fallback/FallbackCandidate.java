package dev.resilience.fallback;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

/**
 * One fallback method that fits the protected method: its handle, adapted once to the uniform shape
 * {@code (Object target, Object[] arguments, Throwable failure) -> Object}, and the exception type its last
 * parameter takes ({@code null} when it takes none, so it answers for every failure).
 */
final class FallbackCandidate {

    private final Method method;
    private final Class<?> exceptionType;
    private final MethodHandle handle;
    private final boolean wrapInFuture;

    FallbackCandidate(Method method, Class<?> exceptionType, MethodHandle handle, boolean wrapInFuture) {
        this.method = method;
        this.exceptionType = exceptionType;
        this.handle = handle;
        this.wrapInFuture = wrapInFuture;
    }

    Method method() {
        return method;
    }

    /** @return the exception parameter's type, or {@code null} if the method takes none */
    Class<?> exceptionType() {
        return exceptionType;
    }

    /** Whether this candidate can take a failure of this class. */
    boolean accepts(Class<?> failureType) {
        return exceptionType == null || exceptionType.isAssignableFrom(failureType);
    }

    /** Whether this candidate is more specific than {@code other} (both accepting the same failure). */
    boolean moreSpecificThan(FallbackCandidate other) {
        if (exceptionType == null) {
            return false;
        }
        return other.exceptionType == null || other.exceptionType.isAssignableFrom(exceptionType);
    }

    Object invoke(Object target, Object[] arguments, Throwable failure) throws Throwable {
        Object value = (Object) handle.invokeExact(target, arguments, failure);
        return wrapInFuture ? CompletableFuture.completedFuture(value) : value;
    }
}
