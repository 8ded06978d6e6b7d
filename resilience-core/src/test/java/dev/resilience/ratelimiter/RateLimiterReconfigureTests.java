package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.RateLimitExceededException;
import dev.resilience.event.ConfigChangedEvent;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class RateLimiterReconfigureTests {

    private final ManualClock clock = new ManualClock();

    private static RateLimiterConfig config(int limit, Duration period, Duration timeout) {
        return RateLimiterConfig.builder().limitForPeriod(limit).limitRefreshPeriod(period).timeoutDuration(timeout)
                .build();
    }

    private RateLimiter limiter(int limit, Duration period, Duration timeout) {
        return RateLimiter.of("search", config(limit, period, timeout), clock, clock);
    }

    private static void take(RateLimiter limiter, int permits) {
        for (int i = 0; i < permits; i++) {
            limiter.acquirePermit();
        }
    }

    private static void assertRefusedFor(RateLimiter limiter, Duration retryAfter) {
        assertThatThrownBy(limiter::acquirePermit).isInstanceOfSatisfying(RateLimitExceededException.class,
                e -> assertThat(e.getRetryAfter()).isEqualTo(retryAfter));
    }

    @Test
    void aRaisedLimitGrantsItsExtraPermitsFromTheNextPeriod() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(1), Duration.ZERO);
        take(limiter, 2);

        limiter.reconfigure(config(5, Duration.ofSeconds(1), Duration.ZERO));

        assertRefusedFor(limiter, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.snapshot().availablePermits()).isEqualTo(5);
        take(limiter, 5);
        assertRefusedFor(limiter, Duration.ofSeconds(1));
    }

    @Test
    void aLoweredLimitStillGrantsTheRestOfTheOldLimitInTheCurrentPeriod() {
        RateLimiter limiter = limiter(5, Duration.ofSeconds(1), Duration.ZERO);
        take(limiter, 2);

        limiter.reconfigure(config(1, Duration.ofSeconds(1), Duration.ZERO));

        take(limiter, 3);
        assertRefusedFor(limiter, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        take(limiter, 1);
        assertRefusedFor(limiter, Duration.ofSeconds(1));
    }

    @Test
    void aNewRefreshPeriodStartsWhenTheCurrentPeriodEnds() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ZERO);
        take(limiter, 1);
        clock.advance(Duration.ofMillis(300));

        limiter.reconfigure(config(1, Duration.ofSeconds(2), Duration.ZERO));

        assertRefusedFor(limiter, Duration.ofMillis(700));
        clock.advance(Duration.ofMillis(700));
        take(limiter, 1);
        assertRefusedFor(limiter, Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(1_999));
        assertRefusedFor(limiter, Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        take(limiter, 1);
    }

    @Test
    void waitingCallersKeepTheirStartAndTheNewLimitBeginsAfterTheLastReservedPeriod() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ofSeconds(10));
        List<CompletionStage<Void>> old = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            old.add(limiter.acquirePermitAsync()); // at 0s, 1s and 2s
        }

        limiter.reconfigure(config(3, Duration.ofSeconds(1), Duration.ofSeconds(10)));
        List<CompletionStage<Void>> later = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            later.add(limiter.acquirePermitAsync()); // three at 3s (the new limit), one at 4s
        }

        assertThat(done(old)).containsExactly(true, false, false);
        clock.advance(Duration.ofSeconds(2));
        assertThat(done(old)).containsExactly(true, true, true);
        assertThat(done(later)).containsExactly(false, false, false, false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(done(later)).containsExactly(true, true, true, false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(done(later)).containsExactly(true, true, true, true);
    }

    private static List<Boolean> done(List<CompletionStage<Void>> stages) {
        return stages.stream().map(stage -> stage.toCompletableFuture().isDone()).toList();
    }

    @Test
    void aNewTimeoutAppliesToCallersAskingAfterTheChange() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ZERO);
        take(limiter, 1);
        assertThat(limiter.acquirePermitAsync().toCompletableFuture()).isCompletedExceptionally();

        limiter.reconfigure(config(1, Duration.ofSeconds(1), Duration.ofSeconds(2)));

        CompletionStage<Void> waiting = limiter.acquirePermitAsync();
        assertThat(waiting.toCompletableFuture()).isNotDone();
        clock.advance(Duration.ofSeconds(1));
        assertThat(waiting.toCompletableFuture()).isCompleted();
    }

    @Test
    void keepsItsStatisticsAndReturnsTheOldConfiguration() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1), Duration.ZERO);
        take(limiter, 1);
        assertRefusedFor(limiter, Duration.ofSeconds(1));
        RateLimiterConfig before = limiter.config();

        RateLimiterConfig returned = limiter.reconfigure(config(4, Duration.ofSeconds(1), Duration.ZERO));

        assertThat(returned).isSameAs(before);
        assertThat(limiter.config().limitForPeriod()).isEqualTo(4);
        assertThat(limiter.snapshot().permittedCalls()).isEqualTo(1);
        assertThat(limiter.snapshot().rejectedCalls()).isEqualTo(1);
    }

    @Test
    void publishesWhoChangedWhatToSubscribersOfAnyEventOnly() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(1), Duration.ZERO);
        List<ResilienceEvent> any = new ArrayList<>();
        List<RateLimiterEvent> family = new ArrayList<>();
        limiter.events().subscribeAny(EnumSet.of(EventType.CONFIG_CHANGED), any::add);
        limiter.events().subscribe(family::add);

        limiter.reconfigure(config(5, Duration.ofSeconds(1), Duration.ZERO), "alice");
        limiter.reconfigure(config(5, Duration.ofSeconds(1), Duration.ZERO), "bob");

        assertThat(family).isEmpty();
        assertThat(any).singleElement().isInstanceOfSatisfying(ConfigChangedEvent.class, event -> {
            assertThat(event.instanceName()).isEqualTo("search");
            assertThat(event.principal()).isEqualTo("alice");
            assertThat(event.oldValues()).isEqualTo(Map.of("limitForPeriod", 2));
            assertThat(event.newValues()).isEqualTo(Map.of("limitForPeriod", 5));
            assertThat(event.epochMillis()).isEqualTo(clock.epochMillis());
        });
    }
}
