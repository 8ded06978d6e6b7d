package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AsyncRetryTests {

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger calls = new AtomicInteger();

    private Retry retry(RetryConfig.Builder config) {
        return Retry.of("inventory", config.jitter(0).build(), clock, clock);
    }

    /** Attempts whose first {@code failures.length} stages fail with the given failures, then complete with "ok". */
    private Supplier<CompletionStage<String>> failing(Throwable... failures) {
        return () -> {
            int attempt = calls.getAndIncrement();
            return attempt < failures.length
                    ? CompletableFuture.failedFuture(failures[attempt])
                    : CompletableFuture.completedFuture("ok");
        };
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, error) -> error).join();
    }

    @Test
    void retriesAreScheduledOnTheSchedulerAndNoThreadWaits() {
        Retry retry = retry(RetryConfig.builder().waitDuration(Duration.ofMillis(500)));

        CompletableFuture<String> result = retry.callAsync(failing(new IOException(), new IOException()));

        assertThat(result).isNotDone();
        assertThat(calls).hasValue(1);
        assertThat(clock.pendingTasks()).isEqualTo(1);
        clock.advance(Duration.ofMillis(499));
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(calls).hasValue(2);
        assertThat(result).isNotDone();
        clock.advance(Duration.ofMillis(1000));
        assertThat(result).isCompletedWithValue("ok");
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 1, 0, 0, 2));
    }

    @Test
    void exhaustionFailsTheFutureWithTheLastFailureAndTheEarlierOnesSuppressed() {
        Retry retry = retry(RetryConfig.builder().waitDuration(Duration.ofSeconds(1)));
        IOException first = new IOException("first");
        IOException second = new IOException("second");
        IOException third = new IOException("third");

        CompletableFuture<String> result = retry.callAsync(failing(first, second, third));
        clock.advance(Duration.ofSeconds(10));

        assertThat(failureOf(result)).isSameAs(third);
        assertThat(third.getSuppressed()).containsExactly(first, second);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 0, 1, 2));
    }

    @Test
    void aCompletionExceptionIsUnwrappedBeforeClassification() {
        Retry retry = retry(RetryConfig.builder());
        CircuitBreakerOpenException open = new CircuitBreakerOpenException("payments", CircuitBreakerState.OPEN,
                Duration.ofSeconds(1), false);

        CompletableFuture<String> result = retry.callAsync(failing(new CompletionException(open)));

        assertThat(failureOf(result)).isSameAs(open);
        assertThat(calls).hasValue(1);
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void aSupplierThatThrowsCountsAsAFailedAttemptAndNeverThrowsToTheCaller() {
        Retry retry = retry(RetryConfig.builder().waitDuration(Duration.ZERO));

        CompletableFuture<String> result = retry.callAsync(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("could not start");
            }
            return CompletableFuture.completedFuture("ok");
        });
        clock.runDueTasks();

        assertThat(result).isCompletedWithValue("ok");
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 1, 0, 0, 1));
    }

    @Test
    void cancellingTheResultWithdrawsTheScheduledRetry() {
        Retry retry = retry(RetryConfig.builder());
        CompletableFuture<String> result = retry.callAsync(failing(new IOException(), new IOException()));
        assertThat(clock.pendingTasks()).isEqualTo(1);

        result.cancel(true);
        clock.advance(Duration.ofMinutes(1));

        assertThat(calls).hasValue(1);
        assertThat(clock.pendingTasks()).isZero();
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 1, 0, 0));
    }

    @Test
    void cancellingTheResultCancelsTheAttemptInFlight() {
        Retry retry = retry(RetryConfig.builder());
        List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();
        CompletableFuture<String> result = retry.callAsync(() -> {
            CompletableFuture<String> attempt = new CompletableFuture<>();
            attempts.add(attempt);
            return attempt;
        });

        result.cancel(true);
        clock.advance(Duration.ofMinutes(1));

        assertThat(attempts).singleElement().satisfies(attempt -> assertThat(attempt).isCancelled());
        assertThat(clock.pendingTasks()).isZero();
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 1, 0, 0));
    }

    @Test
    void theFirstAttemptRunsOnTheCallingThread() {
        Retry retry = retry(RetryConfig.builder());
        Thread caller = Thread.currentThread();
        AtomicInteger onCaller = new AtomicInteger();

        retry.callAsync(() -> {
            if (Thread.currentThread() == caller) {
                onCaller.incrementAndGet();
            }
            return CompletableFuture.completedFuture("ok");
        });

        assertThat(onCaller).hasValue(1);
    }
}
