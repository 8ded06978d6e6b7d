package dev.resilience.circuitbreaker;

import dev.resilience.event.EventPublisher;
import dev.resilience.time.TimeSource;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Placeholder until the state machine lands; every operation throws. */
final class DefaultCircuitBreaker implements CircuitBreaker {

    private final String name;
    private final CircuitBreakerConfig config;
    private final TimeSource timeSource;
    private final EventPublisher<CircuitBreakerEvent> events = new EventPublisher<>();

    DefaultCircuitBreaker(String name, CircuitBreakerConfig config, TimeSource timeSource) {
        this.name = name;
        this.config = config;
        this.timeSource = timeSource;
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
    public CircuitBreakerState state() {
        return CircuitBreakerState.CLOSED;
    }

    @Override
    public CircuitBreakerSnapshot snapshot() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EventPublisher<CircuitBreakerEvent> events() {
        return events;
    }

    @Override
    public TimeSource timeSource() {
        return timeSource;
    }

    @Override
    public Permit acquirePermit() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Call acquire() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T call(Callable<T> callable) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void run(Runnable runnable) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void forceOpen() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void disable() {
        throw new UnsupportedOperationException();
    }
}
