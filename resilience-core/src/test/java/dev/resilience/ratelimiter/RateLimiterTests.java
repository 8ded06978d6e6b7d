package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.RateLimitExceededException;
import dev.resilience.event.EventType;
import dev.resilience.testing.InThread;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    private final ManualClock clock = new ManualClock();

    private RateLimiter limiter(int limit, Duration period, Duration timeout) {
        return RateLimiter.of("search", RateLimiterConfig.builder().limitForPeriod(limit).limitRefreshPeriod(period)
                .timeoutDuration(timeout).build(), clock, clock);
    }

    private static void assertRejectedWithRetryAfter(RateLimiter limiter, Duration retryAfter) {
        assertThatThrownBy(limiter::acquirePermit).isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
            assertThat(e.getRetryAfter()).isEqualTo(retryAfter);
            assertThat(e.getName()).isEqualTo("search");
        });
    }

    @Test
    void grantsTheLimitInAPeriodThenRejectsWithTheTimeUntilTheNextPeriod() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(1), Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            limiter.acquirePermit();
        }

        assertRejectedWithRetryAfter(limiter, Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertRejectedWithRetryAfter(limiter, Duration.ofMillis(600));
        assertThat(limiter.snapshot()).isEqualTo(new RateLimiterSnapshot(0, 3, 2));
    }

    @Test
    void permitsComeBackWhenTheNextPeriodStarts() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(1), Duration.ZERO);
        limiter.acquirePermit();
        limiter.acquirePermit();

        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.snapshot().availablePermits()).isEqualTo(2);
        limiter.acquirePermit();
        limiter.acquirePermit();
        assertRejectedWithRetryAfter(limiter, Duration.ofSeconds(1));
    }

    @Test
    void periodsAreAlignedToTheLimitersCreation() {
        clock.advance(Duration.ofMillis(250));
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ZERO);
        limiter.acquirePermit();

        clock.advance(Duration.ofMillis(999));
        assertRejectedWithRetryAfter(limiter, Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));

        limiter.acquirePermit();
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(2);
    }

    @Test
    void unusedPermitsDoNotAccumulate() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(1), Duration.ZERO);

        clock.advance(Duration.ofSeconds(10));

        assertThat(limiter.snapshot().availablePermits()).isEqualTo(2);
        limiter.acquirePermit();
        limiter.acquirePermit();
        assertRejectedWithRetryAfter(limiter, Duration.ofSeconds(1));
    }

    @Test
    void waitingCallerGetsItsPermitWhenTimeMovesToItsPeriod() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofSeconds(2));
        limiter.acquirePermit();
        InThread<String> waiter = InThread.start("waiter", () -> {
            limiter.acquirePermit();
            return "started";
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> clock.pendingTasks() == 1);

        clock.advance(Duration.ofMillis(999));
        assertThat(waiter.isDone()).isFalse();
        clock.advance(Duration.ofMillis(1));

        assertThat(waiter.result()).isEqualTo("started");
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(2);
        assertThat(limiter.snapshot().availablePermits()).isZero();
    }

    @Test
    void waitOfExactlyTheTimeoutIsAllowed() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        limiter.acquirePermit();

        var reserved = limiter.acquirePermitAsync().toCompletableFuture();

        assertThat(reserved).isNotDone();
        clock.advance(Duration.ofSeconds(1));
        assertThat(reserved).isCompleted();
    }

    @Test
    void callerWhoseWaitWouldExceedTheTimeoutIsRejectedAtOnce() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofMillis(500));
        limiter.acquirePermit();

        assertRejectedWithRetryAfter(limiter, Duration.ofSeconds(1));
        assertThat(clock.pendingTasks()).isZero();
        assertThat(limiter.snapshot().availablePermits()).as("a refusal reserves nothing").isZero();
    }

    @Test
    void reservationsAreServedInOrderOnePeriodAfterAnother() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofSeconds(5));
        limiter.acquirePermit();
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            int index = i;
            limiter.acquirePermitAsync().thenRun(() -> {
                started.add(index);
                startedAt.add(clock.nanoTime());
            });
        }
        assertThat(limiter.snapshot().availablePermits()).isEqualTo(-3);

        clock.advance(Duration.ofSeconds(5));

        assertThat(started).containsExactly(0, 1, 2);
        assertThat(startedAt).containsExactly(Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(2).toNanos(),
                Duration.ofSeconds(3).toNanos());
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(4);
    }

    @Test
    void callerBehindReservationsWaitsForTheFirstUnreservedPeriod() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofSeconds(2));
        limiter.acquirePermit();
        limiter.acquirePermitAsync();
        limiter.acquirePermitAsync();

        assertRejectedWithRetryAfter(limiter, Duration.ofSeconds(3));
    }

    @Test
    void interruptedWaiterIsRefusedAndKeepsItsInterruptFlag() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofSeconds(5));
        limiter.acquirePermit();
        InThread<Void> waiter = InThread.start("waiter", () -> {
            limiter.acquirePermit();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> clock.pendingTasks() == 1);

        waiter.thread().interrupt();

        assertThat(waiter.failure()).isInstanceOf(RateLimitExceededException.class);
        assertThat(waiter.interruptedAtEnd()).isTrue();
        assertThat(clock.pendingTasks()).as("the wake-up is cancelled").isZero();
        assertThat(limiter.snapshot().rejectedCalls()).isOne();
        assertThat(limiter.snapshot().permittedCalls()).isOne();
    }

    @Test
    void alreadyInterruptedCallerWithAFreePermitStillStarts() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ZERO);

        Thread.currentThread().interrupt();
        try {
            limiter.acquirePermit();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(limiter.snapshot().permittedCalls()).isOne();
    }

    @Test
    void callGetAndRunStartOnlyWithAPermit() throws Exception {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(1), Duration.ZERO);
        List<String> ran = new ArrayList<>();

        assertThat(limiter.call(() -> "called")).isEqualTo("called");
        assertThat(limiter.get(() -> "got")).isEqualTo("got");
        limiter.run(() -> ran.add("ran"));
        assertThatThrownBy(() -> limiter.run(() -> ran.add("too many"))).isInstanceOf(RateLimitExceededException.class);
        assertThatThrownBy(() -> limiter.call(() -> "too many")).isInstanceOf(RateLimitExceededException.class);

        assertThat(ran).containsExactly("ran");
    }

    @Test
    void callPassesTheCallablesExceptionThrough() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(1), Duration.ZERO);

        assertThatThrownBy(() -> limiter.call(() -> {
            throw new IOException("down");
        })).isInstanceOf(IOException.class);
        assertThat(limiter.snapshot().permittedCalls()).isOne();
    }

    @Test
    void rejectionPublishesAnEventWithTheRetryAfter() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ZERO);
        List<RateLimiterEvent> events = new CopyOnWriteArrayList<>();
        limiter.events().subscribe(Set.of(EventType.REJECTED), events::add);
        limiter.acquirePermit();
        clock.advance(Duration.ofMillis(250));

        assertThatThrownBy(limiter::acquirePermit).isInstanceOf(RateLimitExceededException.class);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.REJECTED);
            assertThat(event.instanceName()).isEqualTo("search");
            assertThat(event.epochMillis()).isEqualTo(clock.epochMillis());
            assertThat(event.details()).containsExactlyEntriesOf(Map.of("retryAfterMs", 750L));
        });
    }

    @Test
    void rejectionsCarryAStackTraceOnlyWhenConfigured() {
        RateLimiter cheap = limiter(1, Duration.ofSeconds(1), Duration.ZERO);
        RateLimiter traced = RateLimiter.of("traced", RateLimiterConfig.builder().limitForPeriod(1)
                .writableStackTrace(true).build(), clock, clock);
        cheap.acquirePermit();
        traced.acquirePermit();

        assertThatThrownBy(cheap::acquirePermit).satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        assertThatThrownBy(traced::acquirePermit).satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty());
    }

    @Test
    void resetClearsStatisticsButNeverHandsOutMorePermits() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(1), Duration.ZERO);
        limiter.acquirePermit();
        limiter.acquirePermit();
        assertThatThrownBy(limiter::acquirePermit).isInstanceOf(RateLimitExceededException.class);

        limiter.reset();

        assertThat(limiter.snapshot()).isEqualTo(new RateLimiterSnapshot(0, 0, 0));
        assertRejectedWithRetryAfter(limiter, Duration.ofSeconds(1));
        assertThat(limiter.snapshot().rejectedCalls()).isOne();
    }

    @Test
    void resetKeepsReservations() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        limiter.acquirePermit();
        var reserved = limiter.acquirePermitAsync().toCompletableFuture();

        limiter.reset();
        clock.advance(Duration.ofSeconds(1));

        assertThat(reserved).isCompleted();
        assertThat(limiter.snapshot().permittedCalls()).isOne();
    }

    @Test
    void exposesItsNameConfigAndTimeSource() {
        RateLimiter limiter = limiter(4, Duration.ofMillis(100), Duration.ZERO);

        assertThat(limiter.name()).isEqualTo("search");
        assertThat(limiter.config().limitForPeriod()).isEqualTo(4);
        assertThat(limiter.timeSource()).isSameAs(clock);
        assertThat(limiter.snapshot().availablePermits()).isEqualTo(4);
    }
}
