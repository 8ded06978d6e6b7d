package dev.resilience.circuitbreaker;

import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A breaker on a manual clock, with its events recorded, and shorthands for making calls. */
final class BreakerFixture {

    final ManualClock clock = new ManualClock();
    final CircuitBreaker breaker;
    final List<CircuitBreakerEvent> events = new CopyOnWriteArrayList<>();

    BreakerFixture(CircuitBreakerConfig.Builder config) {
        this.breaker = CircuitBreaker.of("test", config.build(), clock);
        breaker.events().subscribe(events::add);
    }

    void succeed(int times) {
        for (int i = 0; i < times; i++) {
            breaker.acquirePermit().onSuccess(clock.nanoTime());
        }
    }

    void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException("boom"));
        }
    }

    void succeedTaking(Duration duration) {
        CircuitBreaker.Permit permit = breaker.acquirePermit();
        long start = clock.nanoTime();
        clock.advance(duration);
        permit.onSuccess(start);
    }

    void throwing(Throwable error) {
        breaker.acquirePermit().onError(clock.nanoTime(), error);
    }

    void returning(Object result) {
        breaker.acquirePermit().onResult(clock.nanoTime(), result);
    }

    List<CircuitBreakerEvent.StateTransition> transitions() {
        return events.stream()
                .filter(CircuitBreakerEvent.StateTransition.class::isInstance)
                .map(CircuitBreakerEvent.StateTransition.class::cast)
                .toList();
    }

    CircuitBreakerEvent.StateTransition lastTransition() {
        List<CircuitBreakerEvent.StateTransition> all = transitions();
        return all.get(all.size() - 1);
    }

    <E extends CircuitBreakerEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Opens the breaker through failures (the configuration must let {@code failures} failures open it). */
    void openWith(int failures) {
        fail(failures);
        if (breaker.state() != CircuitBreakerState.OPEN) {
            throw new AssertionError("expected OPEN after " + failures + " failures, was " + breaker.state());
        }
    }
}
