package dev.resilience.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.retry.RetryEvent;
import dev.resilience.timeout.Timeout;
import dev.resilience.timeout.TimeoutConfig;
import dev.resilience.timeout.TimeoutEvent;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Exception messages reach events only when the instance's publisher includes them. */
class EventMessagesTests {

    private static final String SECRET = "card=4111111111111111 declined";

    private final ManualClock clock = new ManualClock();

    @Test
    void breakerFailureEventsCarryNoMessageByDefault() {
        List<ResilienceEvent> events = breakerEvents(false);

        assertThat(events).singleElement().isInstanceOfSatisfying(CircuitBreakerEvent.Failure.class, failure -> {
            assertThat(failure.exception()).isEqualTo(IllegalStateException.class.getName());
            assertThat(failure.message()).isNull();
            assertThat(failure.details()).doesNotContainKey("message");
            assertThat(failure.toString()).doesNotContain("4111");
        });
    }

    @Test
    void breakerFailureEventsCarryTheMessageNextToTheClassWhenIncluded() {
        List<ResilienceEvent> events = breakerEvents(true);

        assertThat(events).singleElement().isInstanceOfSatisfying(CircuitBreakerEvent.Failure.class, failure -> {
            assertThat(failure.message()).isEqualTo(SECRET);
            assertThat(failure.details()).containsEntry("exception", IllegalStateException.class.getName())
                    .containsEntry("message", SECRET);
            assertThat(List.copyOf(failure.details().keySet())).containsExactly("durationMs", "exception", "message");
        });
    }

    @Test
    void retryAndExhaustedEventsCarryTheMessageOnlyWhenIncluded() {
        assertThat(retryEvents(false)).hasSize(2).allSatisfy(event -> assertThat(event.details()).doesNotContainKey("message"));
        assertThat(retryEvents(true)).hasSize(2).allSatisfy(event -> assertThat(event.details()).containsEntry("message", SECRET));
        assertThat(retryEvents(true)).extracting(ResilienceEvent::getClass)
                .containsExactly(RetryEvent.Retrying.class, RetryEvent.Exhausted.class);
    }

    @Test
    void timeoutFailureEventsCarryTheMessageOnlyWhenIncluded() {
        assertThat(timeoutEvents(false)).singleElement().satisfies(event -> assertThat(event.details()).doesNotContainKey("message"));
        assertThat(timeoutEvents(true)).singleElement().isInstanceOfSatisfying(TimeoutEvent.Failure.class,
                failure -> assertThat(failure.message()).isEqualTo(SECRET));
    }

    @Test
    void aFailureWithoutAnExceptionHasNoMessageEvenWhenIncluded() {
        EventPublisher<ResilienceEvent> publisher = new EventPublisher<>();
        publisher.includeMessages(true);

        assertThat(publisher.messageOf(null)).isNull();
        assertThat(publisher.includesMessages()).isTrue();
    }

    private List<ResilienceEvent> breakerEvents(boolean include) {
        CircuitBreaker breaker = CircuitBreaker.of("payments", CircuitBreakerConfig.builder().build(), clock);
        List<ResilienceEvent> events = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(events::add);
        breaker.events().includeMessages(include);
        breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException(SECRET));
        return events;
    }

    private List<ResilienceEvent> retryEvents(boolean include) {
        Retry retry = Retry.of("orders", RetryConfig.builder().maxAttempts(2).waitDuration(Duration.ZERO).jitter(0).build(),
                clock, clock);
        List<ResilienceEvent> events = new CopyOnWriteArrayList<>();
        retry.events().subscribe(events::add);
        retry.events().includeMessages(include);
        assertThatThrownBy(() -> retry.run(() -> {
            throw new IllegalStateException(SECRET);
        })).hasMessage(SECRET);
        return events;
    }

    private List<ResilienceEvent> timeoutEvents(boolean include) {
        Timeout timeout = Timeout.of("search", TimeoutConfig.builder().build(), clock, clock);
        List<ResilienceEvent> events = new CopyOnWriteArrayList<>();
        timeout.events().subscribe(java.util.EnumSet.of(EventType.FAILURE), events::add);
        timeout.events().includeMessages(include);
        assertThatThrownBy(() -> timeout.call(() -> {
            throw new IllegalStateException(SECRET);
        })).hasMessage(SECRET);
        return events;
    }
}
