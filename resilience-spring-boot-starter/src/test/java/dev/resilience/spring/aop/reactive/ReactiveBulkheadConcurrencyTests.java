package dev.resilience.spring.aop.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.aop.BulkheadLayer;
import dev.resilience.spring.aop.ResilienceAdvisor;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Many threads subscribe to a bulkheaded {@code Mono} method through a real proxy, the work running on
 * another pool; every third subscription is cancelled at once, racing the slot's arrival. Afterwards no
 * slot is leaked or given back twice: the bulkhead is empty and admits exactly its capacity again.
 */
@Tag("concurrency")
class ReactiveBulkheadConcurrencyTests {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 200;
    private static final int SLOTS = 3;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void cancellationsRacingAdmissionNeitherLeakNorDoubleReturnSlots(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        BulkheadConfig config = BulkheadConfig.builder().maxConcurrentCalls(SLOTS).maxQueueSize(THREADS)
                .maxWaitDuration(Duration.ofDays(1)).build();
        InstanceRegistry<Bulkhead> registry = new InstanceRegistry<>(
                id -> Bulkhead.of(id.displayName(), config, clock, clock), name -> 10);
        Work real = new Work(Schedulers.fromExecutor(pool));
        ProxyFactory proxies = new ProxyFactory(real);
        proxies.setProxyTargetClass(true);
        proxies.addAdvisor(new ResilienceAdvisor(List.of(new BulkheadLayer.Factory(() -> registry))));
        Work target = (Work) proxies.getProxy();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(60), index -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                if ((index + i) % 3 == 0) {
                    Disposable subscription = target.work().subscribe();
                    subscription.dispose();
                } else {
                    assertThat(target.work().block(Duration.ofSeconds(30))).isEqualTo("done");
                }
            }
        });

        Bulkhead bulkhead = registry.get("shared");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bulkhead.snapshot()).satisfies(
                s -> assertThat(s.activeCalls()).isZero(),
                s -> assertThat(s.queuedCalls()).isZero(),
                s -> assertThat(s.rejectedCalls()).isZero()));
        List<Disposable> holding = new ArrayList<>();
        for (int i = 0; i < SLOTS + 1; i++) {
            holding.add(target.hold().subscribe());
        }
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(SLOTS);
        assertThat(bulkhead.snapshot().queuedCalls()).isEqualTo(1);
        holding.forEach(Disposable::dispose);
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    static class Work {
        final AtomicInteger calls = new AtomicInteger();
        private final Scheduler elsewhere;

        Work() {
            this(null);
        }

        Work(Scheduler elsewhere) {
            this.elsewhere = elsewhere;
        }

        @dev.resilience.annotation.Bulkhead(name = "shared")
        public Mono<String> work() {
            return Mono.fromCallable(() -> {
                calls.incrementAndGet();
                return "done";
            }).subscribeOn(elsewhere);
        }

        @dev.resilience.annotation.Bulkhead(name = "shared")
        public Mono<String> hold() {
            return Mono.never();
        }
    }
}
