package dev.resilience.spring.aop;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The advice of {@link ResilienceAdvisor}: looks up the called method's pipeline and runs it. Thread safe.
 */
final class ResilienceInterceptor implements MethodInterceptor {

    private final Pipelines pipelines;

    ResilienceInterceptor(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        return pipelines.forCall(invocation).execute(invocation);
    }
}
