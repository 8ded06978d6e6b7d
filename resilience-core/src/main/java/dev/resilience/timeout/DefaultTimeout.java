package dev.resilience.timeout;

import dev.resilience.TimeoutExceededException;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The timeout: configuration (a volatile field a call reads once, when it starts), statistics and events.
 * The per-call logic lives in {@link SyncTimeoutCall} and {@link AsyncTimeoutCall}; this class holds no
 * per-call state, and calls take no lock.
 */
final class DefaultTimeout implements Timeout {

    private final String name;
    // Swapped whole by reconfigure (one volatile write); a call reads it once, when it starts.
    private volatile TimeoutConfig config;
    private final TimeSource timeSource;
    private final Scheduler scheduler;
    private final ReentrantLock reconfiguring = new ReentrantLock();
    private final TimeoutStatistics statistics = new TimeoutStatistics();
    private final EventPublisher<TimeoutEvent> events = new EventPublisher<>();

    DefaultTimeout(String name, TimeoutConfig config, TimeSource timeSource, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TimeoutConfig config() {
        return config;
    }

    @Override
    public TimeoutConfig reconfigure(TimeoutConfig newConfig, String principal) {
        Objects.requireNonNull(newConfig, "newConfig");
        Objects.requireNonNull(principal, "principal");
        // one reconfiguration at a time, so events come in the order of the switches; calls never lock
        reconfiguring.lock();
        try {
            TimeoutConfig old = config;
            config = newConfig;
            ConfigChanges.publish(events, name, timeSource.epochMillis(), principal, old.asMap(), newConfig.asMap());
            return old;
        } finally {
            reconfiguring.unlock();
        }
    }

    @Override
    public TimeoutSnapshot snapshot() {
        return statistics.snapshot(config.duration());
    }

    @Override
    public EventPublisher<TimeoutEvent> events() {
        return events;
    }

    @Override
    public void reset() {
        statistics.reset();
    }

    @Override
    public Call start() {
        return SyncTimeoutCall.start(this);
    }

    @Override
    public <T> T call(Callable<T> callable) throws Exception {
        Call call = start();
        T result;
        try {
            result = callable.call();
        } catch (Throwable error) {
            Throwable outcome = call.onError(error);
            if (outcome instanceof Exception exception) {
                throw exception;
            }
            throw unchecked(outcome);
        }
        call.onSuccess();
        return result;
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        Call call = start();
        T result;
        try {
            result = supplier.get();
        } catch (Throwable error) {
            throw unchecked(call.onError(error));
        }
        call.onSuccess();
        return result;
    }

    @Override
    public void run(Runnable runnable) {
        Call call = start();
        try {
            runnable.run();
        } catch (Throwable error) {
            throw unchecked(call.onError(error));
        }
        call.onSuccess();
    }

    @Override
    public <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return AsyncTimeoutCall.start(this, supplier);
    }

    /** Errors are thrown as they are; a checked exception smuggled past the compiler is wrapped. */
    private static RuntimeException unchecked(Throwable outcome) {
        if (outcome instanceof Error error) {
            throw error;
        }
        if (outcome instanceof RuntimeException runtime) {
            return runtime;
        }
        return new UndeclaredThrowableException(outcome);
    }

    long nanoTime() {
        return timeSource.nanoTime();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    TimeoutExceededException exception(long allowedNanos) {
        return new TimeoutExceededException(name, Duration.ofNanos(Math.max(0, allowedNanos)),
                config.writableStackTrace());
    }

    void succeeded(long startNanos) {
        statistics.succeeded();
        if (events.wants(EventType.SUCCESS)) {
            events.publish(new TimeoutEvent.Success(name, timeSource.epochMillis(), timeSource.nanoTime() - startNanos));
        }
    }

    /** @param failure what the call threw, or null when it was cancelled (then {@code exceptionType} is all there is) */
    void failed(long startNanos, Class<?> exceptionType, Throwable failure) {
        statistics.failed();
        if (events.wants(EventType.FAILURE)) {
            events.publish(new TimeoutEvent.Failure(name, timeSource.epochMillis(), timeSource.nanoTime() - startNanos,
                    exceptionType.getName(), events.messageOf(failure)));
        }
    }

    /** Counts a timed-out call; separate from {@link #publishTimedOut} so a waiting caller is released first. */
    void timedOut() {
        statistics.timedOut();
    }

    void publishTimedOut(long allowedNanos) {
        if (events.wants(EventType.TIMED_OUT)) {
            events.publish(new TimeoutEvent.TimedOut(name, timeSource.epochMillis(), allowedNanos));
        }
    }

    @Override
    public String toString() {
        return "Timeout[" + name + "]";
    }
}
