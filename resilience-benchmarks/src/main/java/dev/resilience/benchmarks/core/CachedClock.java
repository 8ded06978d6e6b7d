package dev.resilience.benchmarks.core;

import dev.resilience.time.TimeSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An experiment, not a library feature: a {@link TimeSource} whose {@link #nanoTime()} is a volatile read of
 * a value a daemon thread refreshes about every 100 microseconds. It shows how much of a breaker's call
 * is the two {@code System.nanoTime()} reads, when durations only need to be as fine as the slow-call
 * threshold and the time window's one-second buckets. Thread safe; {@link #close()} stops the ticker.
 */
public final class CachedClock implements TimeSource, AutoCloseable {

    private static final long TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private volatile long nanos = System.nanoTime();
    private volatile boolean running = true;
    private final Thread ticker;

    /** Starts the ticker thread. */
    public CachedClock() {
        ticker = new Thread(this::tick, "cached-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        while (running) {
            nanos = System.nanoTime();
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    /** @return the last refreshed reading, at most about one tick old */
    @Override
    public long nanoTime() {
        return nanos;
    }

    /** @return the wall clock (events only) */
    @Override
    public long epochMillis() {
        return System.currentTimeMillis();
    }

    /** Stops the ticker. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(ticker);
    }
}
