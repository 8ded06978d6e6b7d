package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;

/**
 * The per-call cost of the interception itself, in bytes allocated by the calling thread. The advice runs
 * against one reused invocation whose method returns a constant, so everything measured is the pipeline
 * lookup, the layers and the breaker: it must allocate nothing. (Through a real proxy, Spring adds its own
 * invocation object, arguments array and cache key per call, and the JIT removes some of those in some
 * call shapes only, which makes a comparison through proxies noisy; without escape analysis, protected and
 * pass-through proxy calls allocate exactly the same bytes.)
 */
class InterceptionAllocationTests {

    private static final int WARM_UP = 100_000;
    private static final int CALLS = 100_000;
    private static final double NOTHING = 1.0;

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<dev.resilience.circuitbreaker.CircuitBreaker> registry = new InstanceRegistry<>(
            id -> new FakeCircuitBreaker(id.displayName(), clock, 3, Duration.ofSeconds(1), () -> { }), name -> 10);
    private final MethodInterceptor advice = (MethodInterceptor) new ResilienceAdvisor(
            List.of(new CircuitBreakerLayer.Factory(() -> registry))).getAdvice();

    @Test
    void anUnkeyedCallAllocatesNothing() throws Throwable {
        MethodInvocation call = new ReusedInvocation(new Target(), method("constant"), "constant");

        assertThat(bytesPerCall(call)).isLessThan(NOTHING);
        assertThat(breaker("Target.constant").results).hasValue(WARM_UP + CALLS);
    }

    @Test
    void aVoidCallAllocatesNothing() throws Throwable {
        MethodInvocation call = new ReusedInvocation(new Target(), method("nothing"), null);

        assertThat(bytesPerCall(call)).isLessThan(NOTHING);
        assertThat(breaker("Target.nothing").successesWithoutResult).hasValue(WARM_UP + CALLS);
    }

    @Test
    void aCallKeyedByABareParameterReferenceAllocatesNothing() throws Throwable {
        MethodInvocation call = new ReusedInvocation(new Target(), method("keyed", String.class), "host-a", "host-a");

        assertThat(bytesPerCall(call)).isLessThan(NOTHING);
        assertThat(((FakeCircuitBreaker) registry.find(new InstanceId("hosts", "host-a")).orElseThrow()).results)
                .hasValue(WARM_UP + CALLS);
    }

    @Test
    void anUnkeyedCallThroughTheRealBreakerAllocatesNothing() throws Throwable {
        InstanceRegistry<dev.resilience.circuitbreaker.CircuitBreaker> real = new InstanceRegistry<>(
                id -> dev.resilience.circuitbreaker.CircuitBreaker.of(id.displayName(),
                        dev.resilience.circuitbreaker.CircuitBreakerConfig.defaults(), clock), name -> 10);
        MethodInterceptor realAdvice = (MethodInterceptor) new ResilienceAdvisor(
                List.of(new CircuitBreakerLayer.Factory(() -> real))).getAdvice();
        MethodInvocation call = new ReusedInvocation(new Target(), method("constant"), "constant");

        assertThat(bytesPerCall(realAdvice, call)).isLessThan(NOTHING);
        assertThat(real.find(InstanceId.of("Target.constant")).orElseThrow().snapshot().successfulCalls()).isEqualTo(WARM_UP + CALLS);
    }

    private double bytesPerCall(MethodInvocation call) throws Throwable {
        return bytesPerCall(advice, call);
    }

    private static double bytesPerCall(MethodInterceptor advice, MethodInvocation call) throws Throwable {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            advice.invoke(call);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            advice.invoke(call);
        }
        return (double) (threads.getCurrentThreadAllocatedBytes() - before) / CALLS;
    }

    private FakeCircuitBreaker breaker(String name) {
        return (FakeCircuitBreaker) registry.find(InstanceId.of(name)).orElseThrow();
    }

    private static Method method(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        return Target.class.getMethod(name, parameterTypes);
    }

    /** One call, run over and over: {@code proceed()} returns a fixed value. */
    private record ReusedInvocation(Object target, Method method, Object result, Object... arguments) implements MethodInvocation {
        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Object[] getArguments() {
            return arguments;
        }

        @Override
        public Object proceed() {
            return result;
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
        @CircuitBreaker
        public String constant() {
            return "constant";
        }

        @CircuitBreaker
        public void nothing() {
        }

        @CircuitBreaker(name = "hosts", key = "#host")
        public String keyed(String host) {
            return host;
        }
    }
}
