package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.RateLimitExceededException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Many threads call protected methods at once through a real proxy. Bulkhead: plain and future-returning
 * methods share one bulkhead of {@value #SLOTS} slots and a queue that never times out (the manual clock
 * never moves); the future's work runs on another pool, so the bound holds only if the slot is kept until
 * the future completes. Rate limiter: within one period exactly {@value #LIMIT} calls get through.
 */
@Tag("concurrency")
class BulkheadRateLimiterInterceptionConcurrencyTests {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 200;
    private static final int SLOTS = 3;
    private static final int LIMIT = 1000;

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
    void neverRunsMoreThanTheSlotsAndReturnsEverySlot(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        BulkheadConfig config = BulkheadConfig.builder().maxConcurrentCalls(SLOTS).maxQueueSize(THREADS)
                .maxWaitDuration(Duration.ofDays(1)).build();
        InstanceRegistry<Bulkhead> registry = new InstanceRegistry<>(
                id -> Bulkhead.of(id.displayName(), config, clock, clock), name -> 10);
        Target real = new Target(pool);
        Target target = proxy(real, new BulkheadLayer.Factory(() -> registry));

        Concurrently.run(kind, THREADS, Duration.ofSeconds(60), index -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                if ((index + i) % 2 == 0) {
                    target.work();
                } else {
                    assertThat(target.workAsync().get(30, TimeUnit.SECONDS)).isEqualTo("done");
                }
            }
        });

        assertThat(real.maxInside).hasValueLessThanOrEqualTo(SLOTS);
        assertThat(real.calls).hasValue(THREADS * CALLS_PER_THREAD);
        assertThat(registry.get("shared").snapshot()).satisfies(
                s -> assertThat(s.activeCalls()).isZero(),
                s -> assertThat(s.queuedCalls()).isZero(),
                s -> assertThat(s.rejectedCalls()).isZero());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void admitsExactlyTheLimitWithinOnePeriod(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        RateLimiterConfig config = RateLimiterConfig.builder().limitForPeriod(LIMIT).limitRefreshPeriod(Duration.ofSeconds(1)).build();
        InstanceRegistry<RateLimiter> registry = new InstanceRegistry<>(
                id -> RateLimiter.of(id.displayName(), config, clock, clock), name -> 10);
        Limited real = new Limited();
        Limited target = proxy(real, new RateLimiterLayer.Factory(() -> registry));
        AtomicInteger rejected = new AtomicInteger();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(60), index -> {
            for (int i = 0; i < CALLS_PER_THREAD / 2; i++) {
                try {
                    target.call();
                } catch (RateLimitExceededException e) {
                    rejected.incrementAndGet();
                }
                CompletableFuture<String> async = target.callAsync();
                if (async.isCompletedExceptionally()) {
                    assertThatThrownBy(async::join).hasCauseInstanceOf(RateLimitExceededException.class);
                    rejected.incrementAndGet();
                }
            }
        });

        assertThat(real.calls).hasValue(LIMIT);
        assertThat(rejected).hasValue(THREADS * CALLS_PER_THREAD - LIMIT);
        assertThat(registry.get("limited").snapshot().permittedCalls()).isEqualTo(LIMIT);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, LayerFactory<?> factory) {
        ProxyFactory proxies = new ProxyFactory(target);
        proxies.setProxyTargetClass(true);
        proxies.addAdvisor(new ResilienceAdvisor(List.of(factory)));
        return (T) proxies.getProxy();
    }

    static class Target {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger maxInside = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        private final ExecutorService pool;

        Target() {
            this(null);
        }

        Target(ExecutorService pool) {
            this.pool = pool;
        }

        @dev.resilience.annotation.Bulkhead(name = "shared")
        public void work() {
            occupy();
        }

        @dev.resilience.annotation.Bulkhead(name = "shared")
        public CompletableFuture<String> workAsync() {
            return CompletableFuture.supplyAsync(() -> {
                occupy();
                return "done";
            }, pool);
        }

        private void occupy() {
            calls.incrementAndGet();
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.yield();
            inside.decrementAndGet();
        }
    }

    static class Limited {
        final AtomicInteger calls = new AtomicInteger();

        @dev.resilience.annotation.RateLimiter(name = "limited")
        public void call() {
            calls.incrementAndGet();
        }

        @dev.resilience.annotation.RateLimiter(name = "limited")
        public CompletableFuture<String> callAsync() {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture("ok");
        }
    }
}
