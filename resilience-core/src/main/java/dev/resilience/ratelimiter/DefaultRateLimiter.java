package dev.resilience.ratelimiter;

import dev.resilience.RateLimitExceededException;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.event.EventType;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The fixed-window rate limiter: the public operations over a {@link PermitWindow}. Configuration and window
 * are volatile fields that {@link #reconfigure} replaces; a call reads each once (a window answering
 * {@link PermitWindow#MOVED} was replaced while the call used it, and the call reads the field again).
 */
final class DefaultRateLimiter implements RateLimiter {

    // A minimal stage: shared by every asynchronous caller that gets a permit at once, it cannot be
    // completed or cancelled by any of them.
    private static final CompletionStage<Void> PERMITTED = CompletableFuture.completedStage(null);

    private final String name;
    private volatile RateLimiterConfig config;
    private final TimeSource timeSource;
    private final Scheduler scheduler;
    private volatile long timeoutNanos;
    private volatile PermitWindow window;
    private final ReentrantLock reconfiguring = new ReentrantLock();
    // LongAdders: the permitted path must not contend on one counter across threads.
    private final LongAdder permitted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final EventPublisher<RateLimiterEvent> events = new EventPublisher<>();

    DefaultRateLimiter(String name, RateLimiterConfig config, TimeSource timeSource, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timeoutNanos = cappedNanos(config.timeoutDuration());
        this.window = new PermitWindow(timeSource.nanoTime(), config.limitRefreshPeriod().toNanos(),
                config.limitForPeriod());
    }

    // Capped at about 146 years, so that a scheduler adding a wait to its clock cannot overflow.
    private static long cappedNanos(Duration wait) {
        long cap = Long.MAX_VALUE / 2;
        return wait.compareTo(Duration.ofNanos(cap)) >= 0 ? cap : wait.toNanos();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RateLimiterConfig config() {
        return config;
    }

    @Override
    public RateLimiterConfig reconfigure(RateLimiterConfig newConfig, String principal) {
        Objects.requireNonNull(newConfig, "newConfig");
        Objects.requireNonNull(principal, "principal");
        // one reconfiguration at a time, so each successor replaces the latest window and events come in
        // the order of the switches; calls never take this lock
        reconfiguring.lock();
        try {
            RateLimiterConfig old = config;
            if (old.limitForPeriod() != newConfig.limitForPeriod()
                    || !old.limitRefreshPeriod().equals(newConfig.limitRefreshPeriod())) {
                PermitWindow successor = window.successor(timeSource.nanoTime(),
                        newConfig.limitRefreshPeriod().toNanos(), newConfig.limitForPeriod());
                // published before it closes the old window: a caller told MOVED then finds it here
                window = successor;
                successor.settle();
            }
            timeoutNanos = cappedNanos(newConfig.timeoutDuration());
            config = newConfig;
            ConfigChanges.publish(events, name, timeSource.epochMillis(), principal, old.asMap(), newConfig.asMap());
            return old;
        } finally {
            reconfiguring.unlock();
        }
    }

    @Override
    public RateLimiterSnapshot snapshot() {
        return new RateLimiterSnapshot(window.available(timeSource.nanoTime()), permitted.sum(), rejected.sum());
    }

    @Override
    public EventPublisher<RateLimiterEvent> events() {
        return events;
    }

    @Override
    public TimeSource timeSource() {
        return timeSource;
    }

    @Override
    public void acquirePermit() {
        long wait = reserve(timeSource.nanoTime());
        if (wait < 0) {
            throw rejected(-wait);
        }
        if (wait > 0) {
            sleep(wait);
        }
        permitted.increment();
    }

    private long reserve(long nowNanos) {
        long maxWait = timeoutNanos;
        PermitWindow current = window;
        long wait;
        while ((wait = current.reserve(nowNanos, maxWait)) == PermitWindow.MOVED) {
            current = window;
        }
        return wait;
    }

    private void sleep(long waitNanos) {
        Sleeper sleeper = new Sleeper(Thread.currentThread());
        Scheduler.Cancellable wake = scheduler.schedule(sleeper::wake, waitNanos);
        boolean interrupted = false;
        while (!sleeper.woken()) {
            LockSupport.park(this);
            // Thread.interrupted() clears the flag so that, if the wake-up won the race, the next park can
            // block until it is delivered; the flag is set again below either way.
            if (Thread.interrupted()) {
                interrupted = true;
                if (sleeper.abandon()) {
                    wake.cancel();
                    Thread.currentThread().interrupt();
                    throw rejected(window.nanosUntilFree(timeSource.nanoTime()));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletionStage<Void> acquirePermitAsync() {
        long wait = reserve(timeSource.nanoTime());
        if (wait == 0) {
            permitted.increment();
            return PERMITTED;
        }
        if (wait < 0) {
            return CompletableFuture.failedFuture(rejected(-wait));
        }
        CompletableFuture<Void> reserved = new CompletableFuture<>();
        Scheduler.Cancellable wake = scheduler.schedule(() -> {
            permitted.increment();
            if (!reserved.complete(null)) {
                permitted.decrement();
            }
        }, wait);
        reserved.whenComplete((ignored, failure) -> {
            if (failure != null) {
                wake.cancel();
            }
        });
        return reserved;
    }

    private RateLimitExceededException rejected(long retryAfterNanos) {
        rejected.increment();
        Duration retryAfter = Duration.ofNanos(retryAfterNanos);
        if (events.wants(EventType.REJECTED)) {
            events.publish(new RateLimiterEvent.Rejected(name, timeSource.epochMillis(), retryAfter));
        }
        return new RateLimitExceededException(name, retryAfter, config.writableStackTrace());
    }

    @Override
    public <T> T call(Callable<T> callable) throws Exception {
        acquirePermit();
        return callable.call();
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        acquirePermit();
        return supplier.get();
    }

    @Override
    public void run(Runnable runnable) {
        acquirePermit();
        runnable.run();
    }

    @Override
    public <T> CompletionStage<T> callAsync(Supplier<? extends CompletionStage<T>> supplier) {
        return acquirePermitAsync().thenCompose(ignored ->
                Objects.requireNonNull(supplier.get(), "supplier returned a null stage"));
    }

    @Override
    public void reset() {
        permitted.reset();
        rejected.reset();
    }

    @Override
    public String toString() {
        return "RateLimiter[" + name + ", " + snapshot() + "]";
    }
}
