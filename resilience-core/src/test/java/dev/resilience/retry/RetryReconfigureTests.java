package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.event.ConfigChangedEvent;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryReconfigureTests {

    private final ManualClock clock = new ManualClock();

    private static RetryConfig config(int maxAttempts, Duration wait) {
        return RetryConfig.builder().maxAttempts(maxAttempts).backoff(Backoff.FIXED).waitDuration(wait).jitter(0)
                .build();
    }

    @Test
    void aCallInFlightKeepsItsConfigurationAndLaterCallsUseTheNewOne() {
        Retry retry = Retry.of("inventory", config(3, Duration.ofMillis(100)), clock, clock);
        Retry.Context inFlight = retry.start();
        assertThat(inFlight.onFailure(new IOException())).isEqualTo(Duration.ofMillis(100).toNanos());

        retry.reconfigure(config(2, Duration.ofMillis(700)));

        assertThat(inFlight.onFailure(new IOException())).as("its third attempt, at the old delay")
                .isEqualTo(Duration.ofMillis(100).toNanos());
        Retry.Context later = retry.start();
        assertThat(later.onFailure(new IOException())).isEqualTo(Duration.ofMillis(700).toNanos());
        assertThat(later.onFailure(new IOException())).as("two attempts only").isEqualTo(-1);
    }

    @Test
    void keepsItsStatistics() {
        Retry retry = Retry.of("inventory", config(3, Duration.ofMillis(100)), clock, clock);
        Retry.Context context = retry.start();
        context.onFailure(new IOException());
        context.onSuccess();

        retry.reconfigure(config(5, Duration.ofMillis(100)));

        assertThat(retry.snapshot().successfulWithRetry()).isEqualTo(1);
        assertThat(retry.config().maxAttempts()).isEqualTo(5);
    }

    @Test
    void aBudgetThatStaysOnKeepsTheCountsOfItsWindow() {
        RetryBudget budget = new RetryBudget(0.5, 0, 0);
        budget.recordFirstAttempt(0);
        budget.recordFirstAttempt(0);
        assertThat(budget.tryAcquireRetry(0)).isTrue();
        assertThat(budget.tryAcquireRetry(0)).isFalse();

        RetryBudget raised = budget.withLimits(1.0, 0);

        assertThat(raised.tryAcquireRetry(0)).as("2 retries for 2 first attempts").isTrue();
        assertThat(raised.tryAcquireRetry(0)).isFalse();
    }

    @Test
    void publishesWhoChangedWhat() {
        Retry retry = Retry.of("inventory", config(3, Duration.ofMillis(100)), clock, clock);
        List<ResilienceEvent> events = new ArrayList<>();
        retry.events().subscribeAny(EnumSet.of(EventType.CONFIG_CHANGED), events::add);

        retry.reconfigure(config(3, Duration.ofSeconds(2)), "ops");

        assertThat(events).singleElement().isInstanceOfSatisfying(ConfigChangedEvent.class, event -> {
            assertThat(event.principal()).isEqualTo("ops");
            assertThat(event.oldValues()).isEqualTo(Map.of("waitDuration", "PT0.1S"));
            assertThat(event.newValues()).isEqualTo(Map.of("waitDuration", "PT2S"));
        });
    }
}
