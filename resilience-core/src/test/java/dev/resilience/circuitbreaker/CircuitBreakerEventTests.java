package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.event.EventType;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class CircuitBreakerEventTests {

    private static CircuitBreakerConfig.Builder config() {
        return CircuitBreakerConfig.builder()
                .slidingWindowSize(2)
                .minimumNumberOfCalls(2)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedCallsInHalfOpenState(1)
                .successThreshold(1);
    }

    @Test
    void aFullCyclePublishesOneTransitionEventPerTransitionWithItsReason() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(2);
        assertThatThrownBy(() -> f.fail(1)).isInstanceOf(CircuitBreakerOpenException.class);
        f.clock.advance(Duration.ofSeconds(5));
        f.fail(1);
        f.clock.advance(Duration.ofSeconds(5));
        f.succeed(1);

        assertThat(f.transitions())
                .extracting(CircuitBreakerEvent.StateTransition::from, CircuitBreakerEvent.StateTransition::to,
                        CircuitBreakerEvent.StateTransition::reason)
                .containsExactly(
                        Tuple.tuple(CircuitBreakerState.CLOSED, CircuitBreakerState.OPEN, TransitionReason.FAILURE_RATE),
                        Tuple.tuple(CircuitBreakerState.OPEN, CircuitBreakerState.HALF_OPEN, TransitionReason.WAIT_ELAPSED),
                        Tuple.tuple(CircuitBreakerState.HALF_OPEN, CircuitBreakerState.OPEN, TransitionReason.PROBE_FAILED),
                        Tuple.tuple(CircuitBreakerState.OPEN, CircuitBreakerState.HALF_OPEN, TransitionReason.WAIT_ELAPSED),
                        Tuple.tuple(CircuitBreakerState.HALF_OPEN, CircuitBreakerState.CLOSED, TransitionReason.PROBES_SUCCEEDED));
    }

    @Test
    void outcomeEventsComeBeforeTheTransitionTheyCauseAndCarryTheClocksTime() {
        BreakerFixture f = new BreakerFixture(config());
        f.clock.advance(Duration.ofMillis(1234));
        f.fail(2);

        assertThat(f.events).extracting(CircuitBreakerEvent::type)
                .containsExactly(EventType.FAILURE, EventType.FAILURE, EventType.STATE_TRANSITION);
        assertThat(f.events).allMatch(e -> e.epochMillis() == f.clock.epochMillis());
        assertThat(f.events).allMatch(e -> e.instanceName().equals("test"));
        assertThat(f.eventsOf(CircuitBreakerEvent.Failure.class).get(0).exception())
                .isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aRejectedCallPublishesNotPermittedWithTheRejectingState() {
        BreakerFixture f = new BreakerFixture(config());
        f.openWith(2);

        assertThatThrownBy(f.breaker::acquirePermit).isInstanceOf(CircuitBreakerOpenException.class);

        assertThat(f.eventsOf(CircuitBreakerEvent.NotPermitted.class))
                .extracting(CircuitBreakerEvent.NotPermitted::state)
                .containsExactly(CircuitBreakerState.OPEN);
    }

    @Test
    void aSlowCallPublishesSlowCallInAdditionToItsOutcome() {
        BreakerFixture f = new BreakerFixture(config().slowCallDurationThreshold(Duration.ofSeconds(2)));
        f.succeedTaking(Duration.ofSeconds(3));

        assertThat(f.events).extracting(CircuitBreakerEvent::type)
                .containsExactly(EventType.SUCCESS, EventType.SLOW_CALL);
        assertThat(f.eventsOf(CircuitBreakerEvent.SlowCall.class).get(0).durationNanos())
                .isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void aSubscriberToFailuresOnlyReceivesNoSuccessEvents() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("quiet", config().slidingWindowSize(100).minimumNumberOfCalls(100).build(), clock);
        List<CircuitBreakerEvent> received = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(EnumSet.of(EventType.FAILURE), received::add);

        breaker.acquirePermit().onSuccess(clock.nanoTime());
        breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException());

        assertThat(breaker.events().wants(EventType.SUCCESS)).isFalse();
        assertThat(received).extracting(CircuitBreakerEvent::type).containsExactly(EventType.FAILURE);
    }
}
