package dev.resilience.spring.aop;

import org.aopalliance.intercept.MethodInvocation;

/**
 * The rest of a plain (synchronous) pipeline as seen from one {@link Layer}: the next layer inward, and
 * at the end the method itself. Built once per method; thread safe.
 */
@FunctionalInterface
public interface Chain {

    /**
     * Runs the inner layers and the method.
     *
     * @param invocation the call; a layer that runs its chain more than once passes a fresh
     *     {@link Invocations#copyOf(MethodInvocation)} each time
     * @return the method's result ({@code null} for {@code void})
     * @throws Throwable what the method or an inner layer threw
     */
    Object proceed(MethodInvocation invocation) throws Throwable;
}
