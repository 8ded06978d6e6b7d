package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.event.EventType;
import dev.resilience.retry.RetryEvent.Exhausted.Reason;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryBudgetTests {

    private final ManualClock clock = new ManualClock();

    private Retry retry(double ratio, double minPerSecond) {
        return Retry.of("inventory", RetryConfig.builder().maxAttempts(3).waitDuration(Duration.ZERO).jitter(0)
                .budgetRatio(ratio).budgetMinRetriesPerSecond(minPerSecond).build(), clock, clock);
    }

    /** Runs {@code calls} calls that always fail; returns the attempts made in all. */
    private static int storm(Retry retry, int calls) {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < calls; i++) {
            try {
                retry.run(() -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("downstream down");
                });
            } catch (IllegalStateException expected) {
                // every call fails; the storm only counts attempts
            }
        }
        return attempts.get();
    }

    @Test
    void withoutABudgetAStormMultipliesTheLoadByMaxAttempts() {
        assertThat(storm(retry(0, 10), 200)).isEqualTo(600);
    }

    @Test
    void theBudgetBoundsAStormToRatioTimesFirstAttemptsPlusTheMinimum() {
        Retry retry = retry(0.2, 1);
        AtomicInteger budgetStops = new AtomicInteger();
        retry.events().subscribe(EnumSet.of(EventType.EXHAUSTED), e -> {
            if (((RetryEvent.Exhausted) e).reason() == Reason.BUDGET) {
                budgetStops.incrementAndGet();
            }
        });

        int attempts = storm(retry, 200);

        assertThat(attempts).isLessThanOrEqualTo((int) ((1 + 0.2) * 200 + 1 * 10)).isEqualTo(250);
        assertThat(retry.snapshot().retries()).isEqualTo(50);
        assertThat(budgetStops.get()).isPositive();
    }

    @Test
    void theMinimumAllowsRetriesWhenTrafficIsLow() {
        Retry retry = retry(0.01, 2);

        assertThat(storm(retry, 5)).isEqualTo(15);
        assertThat(retry.snapshot().retries()).isEqualTo(10);
    }

    @Test
    void retriesSpentMoreThanTenSecondsAgoNoLongerCount() {
        Retry retry = retry(0.01, 0.5);
        storm(retry, 10);
        assertThat(retry.snapshot().retries()).isEqualTo(5);

        clock.advance(Duration.ofMillis(9_900));
        assertThat(storm(retry, 1)).isEqualTo(1);

        clock.advance(Duration.ofMillis(100));
        assertThat(storm(retry, 1)).isEqualTo(3);
        assertThat(retry.snapshot().retries()).isEqualTo(7);
    }

    @Test
    void resetEmptiesTheBudgetWindow() {
        Retry retry = retry(0.01, 0.5);
        storm(retry, 10);
        assertThat(storm(retry, 1)).isEqualTo(1);

        retry.reset();

        assertThat(storm(retry, 1)).isEqualTo(3);
    }

    @Test
    void bucketsCountFirstAttemptsAndRetriesOverTheLastTenSeconds() {
        RetryBudget budget = new RetryBudget(1.0, 0.1, clock.nanoTime());

        budget.recordFirstAttempt(clock.nanoTime());
        assertThat(budget.tryAcquireRetry(clock.nanoTime())).isTrue();
        assertThat(budget.tryAcquireRetry(clock.nanoTime())).isTrue();
        assertThat(budget.tryAcquireRetry(clock.nanoTime())).as("1 x 1 first attempt + 0.1/s x 10 s").isFalse();

        clock.advance(Duration.ofMillis(9_999));
        assertThat(budget.tryAcquireRetry(clock.nanoTime())).as("second 0 is still in the window").isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(budget.tryAcquireRetry(clock.nanoTime())).as("second 0 left the window").isTrue();
        assertThat(budget.tryAcquireRetry(clock.nanoTime())).isFalse();
    }
}
