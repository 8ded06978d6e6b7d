package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.retry.RetrySnapshot;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import dev.resilience.timeout.TimeoutConfig;
import dev.resilience.timeout.TimeoutSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Many threads call a {@code @Fallback @Retry @Timeout} method, plain and {@code CompletableFuture}, each
 * call failing a known number of times (0 to 3 of 3 attempts): every call gets its answer, and the retry
 * and timeout statistics add up exactly, so no attempt is lost, doubled or attributed to another call.
 */
@Tag("concurrency")
class RetryTimeoutFallbackConcurrencyTests {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 200;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyCallIsAnsweredAndEveryAttemptCountedOnce(ThreadKind kind) {
        RetryConfig retryConfig = RetryConfig.builder().maxAttempts(3).waitDuration(Duration.ZERO).jitter(0).build();
        InstanceRegistry<dev.resilience.retry.Retry> retries = new InstanceRegistry<>(id -> dev.resilience.retry.Retry.of(
                id.displayName(), retryConfig, TimeSource.system(), Scheduler.system()), name -> 1);
        InstanceRegistry<dev.resilience.timeout.Timeout> timeouts = new InstanceRegistry<>(id -> dev.resilience.timeout.Timeout.of(
                id.displayName(), TimeoutConfig.builder().duration(Duration.ofSeconds(30)).build()), name -> 1);
        Target bean = new Target();
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new ResilienceAdvisor(List.of(
                new RetryLayer.Factory(() -> retries, Scheduler::system),
                new TimeoutLayer.Factory(() -> timeouts, () -> {
                    throw new AssertionError("no @Timeout value to register");
                }),
                new FallbackLayer.Factory(type -> {
                    throw new AssertionError("no handler expected");
                }))));
        Target target = (Target) factory.getProxy();
        AtomicInteger fallbacks = new AtomicInteger();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(60), index -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                int failures = (index + i) % 4;
                String plain = target.plain(new AtomicInteger(failures));
                String async = target.async(new AtomicInteger(failures)).get(10, TimeUnit.SECONDS);
                assertThat(plain).isEqualTo(async).isEqualTo(failures < 3 ? "ok" : "fallback");
                if (failures == 3) {
                    fallbacks.incrementAndGet();
                }
            }
        });

        int quarter = THREADS * CALLS_PER_THREAD / 4;
        assertThat(fallbacks).hasValue(quarter);
        for (String method : List.of("Target.plain", "Target.async")) {
            assertThat(retries.get(method).snapshot()).isEqualTo(new RetrySnapshot(quarter, 2 * quarter, 0, quarter, 5 * quarter));
            assertThat(timeouts.get(method).snapshot())
                    .isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(30), 3 * quarter, 6 * quarter, 0));
        }
        assertThat(bean.invocations).hasValue(2 * 9 * quarter);
    }

    static class Target {
        final AtomicInteger invocations = new AtomicInteger();

        @Fallback(method = "recover")
        @Retry
        @Timeout
        public String plain(AtomicInteger failuresLeft) {
            invocations.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("attempt failed");
            }
            return "ok";
        }

        @Fallback(method = "recover")
        @Retry
        @Timeout
        public CompletableFuture<String> async(AtomicInteger failuresLeft) {
            invocations.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("attempt failed"));
            }
            return CompletableFuture.completedFuture("ok");
        }

        private String recover(AtomicInteger failuresLeft, IllegalStateException failure) {
            return "fallback";
        }
    }
}
