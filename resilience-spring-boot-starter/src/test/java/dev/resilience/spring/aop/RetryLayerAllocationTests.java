package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.Retry;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.testing.Allocations;
import dev.resilience.time.ManualClock;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.aop.ProxyMethodInvocation;

/**
 * The {@code @Retry} layer of a plain method allocates nothing when the first attempt succeeds. The advice
 * runs against one reused invocation that is its own copy, so that what is measured is the pipeline, the
 * layer and the retry (through a real proxy, Spring allocates the invocation and its copy per call).
 * Calls that fail once are made first, so that the failure path is compiled as in a live application.
 */
class RetryLayerAllocationTests {

    private static final int CALLS = 100_000;
    private static final long NOTHING = 1024;

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<dev.resilience.retry.Retry> registry = new InstanceRegistry<>(
            id -> dev.resilience.retry.Retry.of(id.displayName(),
                    RetryConfig.builder().waitDuration(Duration.ZERO).jitter(0).build(), clock, clock), name -> 10);
    private final MethodInterceptor advice = (MethodInterceptor) new ResilienceAdvisor(
            List.of(new RetryLayer.Factory(() -> registry, () -> clock))).getAdvice();

    @Test
    void aFirstAttemptSuccessAllocatesNothing() throws Throwable {
        ReusedInvocation flaky = new ReusedInvocation(new Target(), Target.class.getMethod("flaky"));
        for (int i = 0; i < 1_000; i++) {
            flaky.failuresLeft = 1;
            assertThat(advice.invoke(flaky)).isEqualTo("ok");
        }
        ReusedInvocation call = new ReusedInvocation(new Target(), Target.class.getMethod("constant"));

        long bytes = Allocations.bytesAllocated(CALLS, () -> {
            try {
                advice.invoke(call);
            } catch (Throwable unexpected) {
                throw new AssertionError(unexpected);
            }
        });

        assertThat(bytes).isLessThan(NOTHING);
        assertThat(registry.find(InstanceId.of("Target.constant")).orElseThrow().snapshot().successfulWithoutRetry())
                .isEqualTo(4L * CALLS);
        assertThat(registry.find(InstanceId.of("Target.flaky")).orElseThrow().snapshot().successfulWithRetry())
                .isEqualTo(1_000);
    }

    /** One call, run over and over and its own copy: {@code proceed()} fails {@code failuresLeft} times, then returns "ok". */
    private static final class ReusedInvocation implements ProxyMethodInvocation {

        private static final IllegalStateException FAILURE = new IllegalStateException("flaky");
        private static final Object[] NO_ARGUMENTS = {};

        private final Object target;
        private final Method method;
        private int failuresLeft;

        ReusedInvocation(Object target, Method method) {
            this.target = target;
            this.method = method;
        }

        @Override
        public Object proceed() {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw FAILURE;
            }
            return "ok";
        }

        @Override
        public MethodInvocation invocableClone() {
            return this;
        }

        @Override
        public MethodInvocation invocableClone(Object... arguments) {
            return this;
        }

        @Override
        public Object getProxy() {
            return target;
        }

        @Override
        public void setArguments(Object... arguments) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setUserAttribute(String key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getUserAttribute(String key) {
            return null;
        }

        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Object[] getArguments() {
            return NO_ARGUMENTS;
        }

        @Override
        public Object getThis() {
            return target;
        }

        @Override
        public AccessibleObject getStaticPart() {
            return method;
        }
    }

    static class Target {
        @Retry
        public String constant() {
            return "ok";
        }

        @Retry
        public String flaky() {
            return "ok";
        }
    }
}
