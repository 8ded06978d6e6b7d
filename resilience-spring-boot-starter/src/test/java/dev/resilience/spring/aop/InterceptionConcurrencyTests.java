package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Many threads make the first calls of several protected methods at once (no pipeline is built ahead):
 * every pipeline is built exactly once, every call gets exactly one permit and reports exactly one
 * outcome, and every key gets exactly one breaker.
 */
@Tag("concurrency")
class InterceptionConcurrencyTests {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 500;
    private static final List<String> HOSTS = List.of("a", "b", "c", "d", "e");

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void buildsEachPipelineOnceAndReportsOneOutcomePerCall(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        InstanceRegistry<dev.resilience.circuitbreaker.CircuitBreaker> registry = new InstanceRegistry<>(
                id -> new FakeCircuitBreaker(id.displayName(), clock, Integer.MAX_VALUE, Duration.ofSeconds(1), () -> { }),
                name -> HOSTS.size());
        RecordingLayerFactory<Bulkhead> bulkheads = new RecordingLayerFactory<>(Bulkhead.class, LayerOrder.BULKHEAD, new FakeBreakers.Trace());
        ProxyFactory factory = new ProxyFactory(new Target());
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new ResilienceAdvisor(List.of(new CircuitBreakerLayer.Factory(() -> registry), bulkheads)));
        Target target = (Target) factory.getProxy();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(30), index -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                String host = HOSTS.get((index + i) % HOSTS.size());
                target.plain();
                target.keyed(host);
                if (i % 2 == 0) {
                    assertThat(target.byPosition(host)).isEqualTo(host);
                }
            }
        });

        int calls = THREADS * CALLS_PER_THREAD;
        int positionalCalls = THREADS * ((CALLS_PER_THREAD + 1) / 2);
        assertThat(bulkheads.created).as("pipelines built").hasValue(3);
        assertThat(target.invocations()).hasValue(2 * calls + positionalCalls);
        assertThat(registry.all().keySet()).extracting(Object::toString).containsExactlyInAnyOrder(
                "Target.plain", "hosts[a]", "hosts[b]", "hosts[c]", "hosts[d]", "hosts[e]");
        List<FakeCircuitBreaker> breakers = registry.all().values().stream().map(FakeCircuitBreaker.class::cast).toList();
        assertThat(breakers.stream().mapToInt(breaker -> breaker.permits.get()).sum()).isEqualTo(2 * calls + positionalCalls);
        assertThat(breakers.stream().mapToInt(FakeCircuitBreaker::outcomes).sum()).isEqualTo(2 * calls + positionalCalls);
        assertThat(breakers.stream().mapToInt(breaker -> breaker.errors.get()).sum()).isZero();
    }

    static class Target {
        private final AtomicInteger invocations = new AtomicInteger();

        public AtomicInteger invocations() {
            return invocations;
        }

        @CircuitBreaker
        @Bulkhead
        public String plain() {
            invocations.incrementAndGet();
            return "plain";
        }

        @CircuitBreaker(name = "hosts", key = "#host")
        @Bulkhead
        public String keyed(String host) {
            invocations.incrementAndGet();
            return host;
        }

        @CircuitBreaker(name = "hosts", key = "#p0")
        @Bulkhead
        public String byPosition(String host) {
            invocations.incrementAndGet();
            return host;
        }
    }
}
