package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.retry.RetryEvent.Exhausted.Reason;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RetryDelayHintTests {

    private static final long MS = 1_000_000L;

    private final ManualClock clock = new ManualClock();
    private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

    private Retry.Context start(RetryConfig.Builder config) {
        Retry retry = Retry.of("api", config.jitter(0).build(), clock, clock, () -> 0.5);
        retry.events().subscribe(events::add);
        return retry.start();
    }

    @Test
    void aDelayHintReplacesTheBackoffDelayAndIsAnnounced() {
        Retry.Context context = start(RetryConfig.builder().waitDuration(Duration.ofMillis(500)));

        assertThat(context.onFailure(new IOException(), 7_000 * MS)).isEqualTo(7_000 * MS);
        assertThat(events).singleElement().isInstanceOfSatisfying(RetryEvent.Retrying.class,
                e -> assertThat(e.waitNanos()).isEqualTo(7_000 * MS));
    }

    @Test
    void noHintKeepsTheBackoffDelay() {
        Retry.Context context = start(RetryConfig.builder().waitDuration(Duration.ofMillis(500)));

        assertThat(context.onFailure(new IOException(), -1)).isEqualTo(500 * MS);
    }

    @Test
    void aHintedRetryThatWouldEndPastMaxDurationIsNotMade() {
        Retry.Context context = start(RetryConfig.builder().maxDuration(Duration.ofSeconds(5)));

        assertThat(context.onFailure(new IOException(), 6_000 * MS)).isEqualTo(-1);
        assertThat(events).last().isInstanceOfSatisfying(RetryEvent.Exhausted.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MAX_DURATION));
    }

    @Test
    void aHintDoesNotExtendMaxAttempts() {
        Retry.Context context = start(RetryConfig.builder().maxAttempts(2));

        assertThat(context.onFailure(new IOException(), 0)).isZero();
        assertThat(context.onFailure(new IOException(), 0)).isEqualTo(-1);
    }
}
