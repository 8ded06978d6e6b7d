package dev.resilience.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.TimeoutExceededException;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AsyncTimeoutTests {

    private final ManualClock clock = new ManualClock();
    private final CompletableFuture<String> underlying = new CompletableFuture<>();

    private Timeout timeout(boolean cancelRunning) {
        return Timeout.of("slow", TimeoutConfig.builder().duration(Duration.ofSeconds(1)).cancelRunning(cancelRunning)
                .build(), clock, clock);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, error) -> error).join();
    }

    @Test
    void theResultFailsAtTheDeadlineAndTheUnderlyingFutureIsCancelled() {
        Timeout timeout = timeout(true);

        CompletableFuture<String> result = timeout.callAsync(() -> underlying);
        clock.advance(Duration.ofMillis(999));
        assertThat(result).isNotDone();
        clock.advance(Duration.ofMillis(1));

        assertThat(failureOf(result)).isInstanceOfSatisfying(TimeoutExceededException.class,
                e -> assertThat(e.getTimeout()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(underlying).isCancelled();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 0, 1));
    }

    @Test
    void withoutCancelRunningTheUnderlyingFutureIsLeftRunning() {
        Timeout timeout = timeout(false);

        CompletableFuture<String> result = timeout.callAsync(() -> underlying);
        clock.advance(Duration.ofSeconds(1));

        assertThat(failureOf(result)).isInstanceOf(TimeoutExceededException.class);
        assertThat(underlying).isNotDone();
    }

    @Test
    void aStageCompletedInTimeGivesItsValueAndCancelsTheTimer() {
        Timeout timeout = timeout(true);

        CompletableFuture<String> result = timeout.callAsync(() -> underlying);
        clock.advance(Duration.ofMillis(500));
        underlying.complete("ok");

        assertThat(result).isCompletedWithValue("ok");
        assertThat(clock.pendingTasks()).isZero();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 1, 0, 0));
    }

    @Test
    void aStageFailedInTimeGivesItsUnwrappedFailure() {
        Timeout timeout = timeout(true);
        IOException failure = new IOException("refused");

        CompletableFuture<String> result = timeout.callAsync(
                () -> underlying.thenApply(value -> value));
        underlying.completeExceptionally(new CompletionException(failure));

        assertThat(failureOf(result)).isSameAs(failure);
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 1, 0));
    }

    @Test
    void aLateCompletionChangesNothing() {
        Timeout timeout = timeout(false);

        CompletableFuture<String> result = timeout.callAsync(() -> underlying);
        clock.advance(Duration.ofSeconds(1));
        underlying.complete("late");

        assertThat(failureOf(result)).isInstanceOf(TimeoutExceededException.class);
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 0, 1));
    }

    @Test
    void aSupplierThatThrowsGivesAFailedFutureInsteadOfThrowing() {
        Timeout timeout = timeout(true);
        IllegalStateException failure = new IllegalStateException("could not start");

        CompletableFuture<String> result = timeout.callAsync(() -> {
            throw failure;
        });

        assertThat(failureOf(result)).isSameAs(failure);
        assertThat(clock.pendingTasks()).isZero();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 1, 0));
    }

    @Test
    void aSupplierThatRunsPastTheDeadlineHasItsStageCancelled() {
        Timeout timeout = timeout(true);

        CompletableFuture<String> result = timeout.callAsync(() -> {
            clock.advance(Duration.ofSeconds(2));
            return underlying;
        });

        assertThat(failureOf(result)).isInstanceOf(TimeoutExceededException.class);
        assertThat(underlying).isCancelled();
    }

    @Test
    void cancellingTheResultCountsAFailureAndCancelsTheUnderlyingFuture() {
        Timeout timeout = timeout(true);

        CompletableFuture<String> result = timeout.callAsync(() -> underlying);
        result.cancel(true);
        clock.advance(Duration.ofSeconds(5));

        assertThat(underlying).isCancelled();
        assertThat(clock.pendingTasks()).isZero();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 1, 0));
    }

    @Test
    void anAsyncCallStartedInsideASynchronousTimeoutGetsNoMoreThanItsRemainingTime() {
        Timeout outer = timeout(false);
        Timeout inner = Timeout.of("inner", TimeoutConfig.builder().duration(Duration.ofSeconds(5)).build(), clock,
                clock);
        AtomicReference<CompletableFuture<String>> result = new AtomicReference<>();

        outer.run(() -> {
            clock.advance(Duration.ofMillis(700));
            result.set(inner.callAsync(() -> underlying));
        });
        clock.advance(Duration.ofMillis(300));

        assertThat(failureOf(result.get())).isInstanceOfSatisfying(TimeoutExceededException.class,
                e -> assertThat(e.getTimeout()).isEqualTo(Duration.ofMillis(300)));
    }
}
