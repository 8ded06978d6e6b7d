package dev.resilience.spring.aop;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerSnapshot;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.event.EventPublisher;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small stand-in breaker for interception tests: opens after {@code threshold} failures in a row,
 * rejects for {@code wait}, then lets calls through half-open (a success closes it, a failure re-opens it).
 * It is its own permit, so it allocates nothing on the admitted path, and it counts every outcome.
 */
final class FakeCircuitBreaker implements CircuitBreaker, CircuitBreaker.Permit {

    final AtomicInteger permits = new AtomicInteger();
    final AtomicInteger results = new AtomicInteger();
    final AtomicInteger successesWithoutResult = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger rejections = new AtomicInteger();
    volatile Object lastResult;
    volatile Throwable lastError;
    volatile long lastDurationNanos = -1;

    private final String name;
    private final TimeSource timeSource;
    private final int threshold;
    private final long waitNanos;
    private final Runnable onAcquire;
    private final EventPublisher<CircuitBreakerEvent> events = new EventPublisher<>();
    private CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private int failuresInARow;
    private long openedAt;

    FakeCircuitBreaker(String name, TimeSource timeSource, int threshold, Duration wait, Runnable onAcquire) {
        this.name = name;
        this.timeSource = timeSource;
        this.threshold = threshold;
        this.waitNanos = wait.toNanos();
        this.onAcquire = onAcquire;
    }

    @Override
    public synchronized Permit acquirePermit() {
        onAcquire.run();
        if (state == CircuitBreakerState.OPEN) {
            long waited = timeSource.nanoTime() - openedAt;
            if (waited < waitNanos) {
                rejections.incrementAndGet();
                throw new CircuitBreakerOpenException(name, state, Duration.ofNanos(waitNanos - waited), false);
            }
            state = CircuitBreakerState.HALF_OPEN;
        }
        permits.incrementAndGet();
        return this;
    }

    @Override
    public synchronized void onSuccess(long startNanos) {
        successesWithoutResult.incrementAndGet();
        succeeded(startNanos);
    }

    @Override
    public synchronized void onResult(long startNanos, Object result) {
        results.incrementAndGet();
        lastResult = result;
        succeeded(startNanos);
    }

    private void succeeded(long startNanos) {
        lastDurationNanos = timeSource.nanoTime() - startNanos;
        failuresInARow = 0;
        state = CircuitBreakerState.CLOSED;
    }

    @Override
    public synchronized void onError(long startNanos, Throwable error) {
        errors.incrementAndGet();
        lastError = error;
        lastDurationNanos = timeSource.nanoTime() - startNanos;
        failuresInARow++;
        if (state == CircuitBreakerState.HALF_OPEN || failuresInARow >= threshold) {
            state = CircuitBreakerState.OPEN;
            openedAt = timeSource.nanoTime();
        }
    }

    @Override
    public void onStatus(long startNanos, int status, long openWaitHintNanos) {
        throw new UnsupportedOperationException("the aspect reports results and errors, never bare statuses");
    }

    @Override
    public void release() {
        throw new UnsupportedOperationException("the layer never releases a permit");
    }

    int outcomes() {
        return results.get() + successesWithoutResult.get() + errors.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized CircuitBreakerState state() {
        return state;
    }

    @Override
    public TimeSource timeSource() {
        return timeSource;
    }

    @Override
    public EventPublisher<CircuitBreakerEvent> events() {
        return events;
    }

    @Override
    public CircuitBreakerConfig config() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CircuitBreakerConfig reconfigure(CircuitBreakerConfig newConfig, String principal) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CircuitBreakerSnapshot snapshot() {
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
