package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.RateLimitExceededException;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterAsyncTests {

    private final ManualClock clock = new ManualClock();

    private RateLimiter limiter(int limit, Duration timeout) {
        return RateLimiter.of("feed", RateLimiterConfig.builder().limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(timeout).build(), clock, clock);
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        CompletableFuture<?> future = stage.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        Throwable failure = future.handle((result, error) -> error).join();
        return failure instanceof CompletionException ? failure.getCause() : failure;
    }

    @Test
    void permitFreeNowGivesTheSharedCompletedStage() {
        RateLimiter limiter = limiter(2, Duration.ZERO);

        CompletionStage<Void> first = limiter.acquirePermitAsync();
        CompletionStage<Void> second = limiter.acquirePermitAsync();

        assertThat((Object) first).isSameAs(second);
        assertThat(first.toCompletableFuture()).isCompleted();
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(2);
    }

    @Test
    void reservedPermitCompletesWhenItsPeriodStarts() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(3));
        limiter.acquirePermit();
        clock.advance(Duration.ofMillis(300));

        CompletableFuture<Void> reserved = limiter.acquirePermitAsync().toCompletableFuture();

        clock.advance(Duration.ofMillis(699));
        assertThat(reserved).isNotDone();
        assertThat(limiter.snapshot().permittedCalls()).isOne();
        clock.advance(Duration.ofMillis(1));
        assertThat(reserved).isCompleted();
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(2);
    }

    @Test
    void refusalArrivesThroughTheStage() {
        RateLimiter limiter = limiter(1, Duration.ZERO);
        limiter.acquirePermit();

        CompletionStage<Void> refused = limiter.acquirePermitAsync();

        assertThat(failureOf(refused)).isInstanceOfSatisfying(RateLimitExceededException.class,
                e -> assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(limiter.snapshot().rejectedCalls()).isOne();
    }

    @Test
    void cancellingAReservationForfeitsItsPermit() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(3));
        limiter.acquirePermit();
        CompletableFuture<Void> reserved = limiter.acquirePermitAsync().toCompletableFuture();

        reserved.cancel(false);

        assertThat(clock.pendingTasks()).as("the wake-up is cancelled").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.snapshot().permittedCalls()).isOne();
        assertThat(limiter.snapshot().availablePermits()).as("the forfeited permit is not handed out again")
                .isZero();
    }

    @Test
    void callAsyncStartsTheCallOnlyWhenThePermitIsThere() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(3));
        limiter.acquirePermit();
        AtomicInteger started = new AtomicInteger();

        CompletionStage<String> result = limiter.callAsync(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture("later");
        });

        assertThat(started).hasValue(0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(started).hasValue(1);
        assertThat(result.toCompletableFuture()).isCompletedWithValue("later");
    }

    @Test
    void callAsyncRefusalArrivesThroughTheStageWithoutStartingTheCall() {
        RateLimiter limiter = limiter(1, Duration.ZERO);
        limiter.acquirePermit();
        AtomicInteger started = new AtomicInteger();

        CompletionStage<String> result = limiter.callAsync(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture("never");
        });

        assertThat(failureOf(result)).isInstanceOf(RateLimitExceededException.class);
        assertThat(started).hasValue(0);
    }

    @Test
    void callAsyncSupplierFailureArrivesThroughTheStage() {
        RateLimiter limiter = limiter(1, Duration.ZERO);

        CompletionStage<String> result = limiter.callAsync(() -> {
            throw new IllegalStateException("bad");
        });

        assertThat(failureOf(result)).isInstanceOf(IllegalStateException.class);
    }
}
