package dev.resilience.spring.aop;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;

/** Helpers for layers that run the rest of a pipeline more than once. */
public final class Invocations {

    private Invocations() {
    }

    /**
     * A copy of a call that can proceed independently of the original: same method, target and
     * interceptor position, its own copy of the arguments array. A retry passes a copy to every attempt
     * and never proceeds the original, so that each attempt goes through every interceptor after this
     * one (a transaction per attempt, say). Allocates the copy.
     *
     * @param invocation the call as the layer received it, not yet proceeded
     * @return an independent copy
     * @throws IllegalArgumentException if the invocation does not come from a Spring proxy
     */
    public static MethodInvocation copyOf(MethodInvocation invocation) {
        if (invocation instanceof ProxyMethodInvocation proxied) {
            return proxied.invocableClone();
        }
        throw new IllegalArgumentException("cannot copy a " + invocation.getClass().getName()
                + "; only invocations of Spring proxies can be run more than once");
    }
}
