package dev.resilience.spring.testsupport;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerSnapshot;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.time.ManualClock;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A circuit breaker whose statistics the test sets by hand: it records outcomes and publishes the
 * events a real breaker would (only for types someone wants), but never opens by itself. Thread safe
 * enough for the single-threaded tests that use it (synchronized).
 */
public final class FakeCircuitBreaker implements CircuitBreaker {

    private final String name;
    private final CircuitBreakerConfig config;
    private final ManualClock clock;
    private final EventPublisher<CircuitBreakerEvent> events = new EventPublisher<>();
    private CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private float failureRate = -1;
    private float slowCallRate = -1;
    private int bufferedCalls;
    private int failedCalls;
    private int slowCalls;
    private long notPermitted;
    private long successful;
    private long failedTotal;
    private long ignored;
    private long successfulNanos;
    private long failedNanos;
    private long ignoredNanos;
    private long slowSuccessful;
    private long slowFailed;

    public FakeCircuitBreaker(String name, CircuitBreakerConfig config, ManualClock clock) {
        this.name = name;
        this.config = config;
        this.clock = clock;
    }

    public synchronized void recordSuccess(Duration duration, boolean slow) {
        successful++;
        successfulNanos += duration.toNanos();
        bufferedCalls++;
        if (slow) {
            slowSuccessful++;
            slowCalls++;
        }
        if (events.wants(EventType.SUCCESS)) {
            events.publish(new CircuitBreakerEvent.Success(name, clock.epochMillis(), duration.toNanos()));
        }
    }

    public synchronized void recordFailure(Duration duration, Class<? extends Throwable> exception, boolean slow) {
        failedTotal++;
        failedNanos += duration.toNanos();
        bufferedCalls++;
        failedCalls++;
        if (slow) {
            slowFailed++;
            slowCalls++;
        }
        if (events.wants(EventType.FAILURE)) {
            events.publish(new CircuitBreakerEvent.Failure(name, clock.epochMillis(), duration.toNanos(),
                    exception.getName(), -1));
        }
    }

    public synchronized void recordIgnored(Duration duration, Class<? extends Throwable> exception) {
        ignored++;
        ignoredNanos += duration.toNanos();
        if (events.wants(EventType.IGNORED)) {
            events.publish(new CircuitBreakerEvent.Ignored(name, clock.epochMillis(), duration.toNanos(), exception.getName()));
        }
    }

    public synchronized void rejectCall() {
        notPermitted++;
        if (events.wants(EventType.NOT_PERMITTED)) {
            events.publish(new CircuitBreakerEvent.NotPermitted(name, clock.epochMillis(), state));
        }
    }

    public synchronized void rates(float failureRate, float slowCallRate) {
        this.failureRate = failureRate;
        this.slowCallRate = slowCallRate;
    }

    public synchronized void transitionTo(CircuitBreakerState to, TransitionReason reason) {
        CircuitBreakerState from = state;
        state = to;
        bufferedCalls = 0;
        failedCalls = 0;
        slowCalls = 0;
        failureRate = -1;
        slowCallRate = -1;
        if (events.wants(EventType.STATE_TRANSITION)) {
            events.publish(new CircuitBreakerEvent.StateTransition(name, clock.epochMillis(), from, to, reason));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CircuitBreakerConfig config() {
        return config;
    }

    @Override
    public synchronized CircuitBreakerState state() {
        return state;
    }

    @Override
    public synchronized CircuitBreakerSnapshot snapshot() {
        return new CircuitBreakerSnapshot(state, failureRate, slowCallRate, bufferedCalls, failedCalls, slowCalls,
                notPermitted, successful, failedTotal, ignored, successfulNanos, failedNanos, ignoredNanos,
                slowSuccessful, slowFailed, Duration.ZERO);
    }

    @Override
    public EventPublisher<CircuitBreakerEvent> events() {
        return events;
    }

    @Override
    public TimeSource timeSource() {
        return clock;
    }

    @Override
    public Permit acquirePermit() {
        throw new UnsupportedOperationException("drive the fake through record* methods");
    }

    @Override
    public Call acquire() {
        throw new UnsupportedOperationException("drive the fake through record* methods");
    }

    @Override
    public <T> T call(Callable<T> callable) {
        throw new UnsupportedOperationException("drive the fake through record* methods");
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        throw new UnsupportedOperationException("drive the fake through record* methods");
    }

    @Override
    public void run(Runnable runnable) {
        throw new UnsupportedOperationException("drive the fake through record* methods");
    }

    @Override
    public synchronized void reset() {
        transitionTo(CircuitBreakerState.CLOSED, TransitionReason.MANUAL);
        notPermitted = 0;
        successful = 0;
        failedTotal = 0;
        ignored = 0;
        successfulNanos = 0;
        failedNanos = 0;
        ignoredNanos = 0;
        slowSuccessful = 0;
        slowFailed = 0;
    }

    @Override
    public void forceOpen() {
        transitionTo(CircuitBreakerState.FORCED_OPEN, TransitionReason.MANUAL);
    }

    @Override
    public void disable() {
        transitionTo(CircuitBreakerState.DISABLED, TransitionReason.MANUAL);
    }
}
