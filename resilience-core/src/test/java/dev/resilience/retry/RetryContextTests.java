package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.event.EventType;
import dev.resilience.retry.RetryEvent.Exhausted.Reason;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RetryContextTests {

    private static final long MS = 1_000_000L;

    private final ManualClock clock = new ManualClock();
    private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

    private Retry retry(RetryConfig.Builder config) {
        Retry retry = Retry.of("inventory", config.build(), clock, clock, () -> 0.5);
        retry.events().subscribe(events::add);
        return retry;
    }

    private static RetryConfig.Builder fixed(Duration wait) {
        return RetryConfig.builder().backoff(Backoff.FIXED).waitDuration(wait).jitter(0);
    }

    @Test
    void onFailureReturnsEachBackoffDelayAndCountsAttempts() {
        Retry.Context context = retry(RetryConfig.builder().jitter(0).maxAttempts(4)).start();

        assertThat(context.attempt()).isEqualTo(1);
        assertThat(context.onFailure(new IOException())).isEqualTo(500 * MS);
        assertThat(context.attempt()).isEqualTo(2);
        assertThat(context.onFailure(new IOException())).isEqualTo(1000 * MS);
        assertThat(context.onFailure(new IOException())).isEqualTo(2000 * MS);
        assertThat(context.attempt()).isEqualTo(4);
        assertThat(context.onFailure(new IOException())).isEqualTo(-1);
    }

    @Test
    void jitterUsesTheInjectedRandomSource() {
        Retry retry = Retry.of("inventory", fixed(Duration.ofSeconds(1)).jitter(0.2).build(), clock, clock, () -> 0.0);

        assertThat(retry.start().onFailure(new IOException())).isEqualTo(800 * MS);
    }

    @Test
    void noRetryStartsWhoseWaitWouldEndPastMaxDuration() {
        Retry retry = retry(fixed(Duration.ofSeconds(1)).maxAttempts(10).maxDuration(Duration.ofMillis(2500)));
        Retry.Context context = retry.start();

        assertThat(context.onFailure(new IOException())).isEqualTo(1000 * MS);
        clock.advance(Duration.ofSeconds(1));
        assertThat(context.onFailure(new IOException())).isEqualTo(1000 * MS);
        clock.advance(Duration.ofSeconds(1));
        assertThat(context.onFailure(new IOException())).isEqualTo(-1);

        assertThat(events).last().isInstanceOfSatisfying(RetryEvent.Exhausted.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.MAX_DURATION);
            assertThat(e.attempts()).isEqualTo(3);
        });
    }

    @Test
    void aRetryWhoseWaitEndsExactlyAtMaxDurationIsMade() {
        Retry.Context context = retry(fixed(Duration.ofSeconds(1)).maxDuration(Duration.ofSeconds(2))).start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(context.onFailure(new IOException())).isEqualTo(1000 * MS);
    }

    @Test
    void maxDurationCountsTheTimeSpentInAttempts() {
        Retry.Context context = retry(fixed(Duration.ofSeconds(1)).maxDuration(Duration.ofMillis(2500))).start();
        clock.advance(Duration.ofSeconds(2));

        assertThat(context.onFailure(new IOException())).isEqualTo(-1);
    }

    @Test
    void eventsDescribeRetriesAndASuccessAfterThem() {
        Retry.Context context = retry(RetryConfig.builder().jitter(0)).start();

        context.onFailure(new IOException());
        context.onFailure(new IllegalStateException());
        context.onSuccess();

        assertThat(events).extracting(RetryEvent::type)
                .containsExactly(EventType.RETRY, EventType.RETRY, EventType.SUCCESS);
        assertThat(events.get(0).details())
                .containsExactly(Map.entry("attempt", 1), Map.entry("waitMs", 500L),
                        Map.entry("exception", "java.io.IOException"));
        assertThat(events.get(1).details())
                .containsExactly(Map.entry("attempt", 2), Map.entry("waitMs", 1000L),
                        Map.entry("exception", "java.lang.IllegalStateException"));
        assertThat(events.get(2).details()).containsExactly(Map.entry("attempts", 3));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.instanceName()).isEqualTo("inventory");
            assertThat(e.epochMillis()).isEqualTo(clock.epochMillis());
        });
    }

    @Test
    void aSuccessOnTheFirstAttemptPublishesNothing() {
        retry(RetryConfig.builder()).start().onSuccess();

        assertThat(events).isEmpty();
    }

    @Test
    void exhaustionAndIgnoredFailuresAreEvents() {
        Retry retry = retry(RetryConfig.builder().maxAttempts(2).ignoreExceptions(List.of(IllegalStateException.class)));
        Retry.Context exhausted = retry.start();
        exhausted.onFailure(new IOException());
        exhausted.onFailure(new IOException());

        retry.start().onFailure(new IllegalStateException());

        assertThat(events).extracting(RetryEvent::type)
                .containsExactly(EventType.RETRY, EventType.EXHAUSTED, EventType.IGNORED);
        assertThat(events.get(1).details()).containsExactly(Map.entry("attempts", 2),
                Map.entry("exception", "java.io.IOException"), Map.entry("reason", "MAX_ATTEMPTS"));
        assertThat(events.get(2).details()).containsExactly(Map.entry("attempts", 1),
                Map.entry("exception", "java.lang.IllegalStateException"));
    }

    @Test
    void outcomesAfterTheCallIsOverAreRejected() {
        Retry retry = retry(RetryConfig.builder().maxAttempts(1));
        Retry.Context succeeded = retry.start();
        succeeded.onSuccess();
        Retry.Context failed = retry.start();
        failed.onFailure(new IOException());

        assertThatThrownBy(succeeded::onSuccess).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failed.onFailure(new IOException())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(failed::abandon).isInstanceOf(IllegalStateException.class);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(1, 0, 1, 0, 0));
    }

    @Test
    void abandoningAnAnnouncedRetryEndsTheCallWithoutCountingTheRetry() {
        Retry retry = retry(RetryConfig.builder().jitter(0));
        Retry.Context context = retry.start();
        IOException first = new IOException("first");
        IOException second = new IOException("second");
        context.onFailure(first);
        context.onFailure(second);

        assertThat(context.abandon()).isSameAs(second);

        assertThat(second.getSuppressed()).containsExactly(first);
        assertThat(context.attempt()).isEqualTo(2);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 0, 1, 1));
    }

    @Test
    void awaitRetryReturnsAtOnceForAZeroDelayWithoutScheduling() {
        Retry.Context context = retry(RetryConfig.builder().waitDuration(Duration.ZERO)).start();

        assertThat(context.awaitRetry(context.onFailure(new IOException()))).isTrue();
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void awaitRetryOnAnInterruptedThreadAbandonsTheCall() {
        Retry retry = retry(RetryConfig.builder());
        Retry.Context context = retry.start();
        long delay = context.onFailure(new IOException());
        Thread.currentThread().interrupt();
        try {
            assertThat(context.awaitRetry(delay)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 1, 0, 0));
        assertThat(clock.pendingTasks()).isZero();
    }
}
