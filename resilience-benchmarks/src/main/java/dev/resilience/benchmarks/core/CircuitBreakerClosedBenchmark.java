package dev.resilience.benchmarks.core;

import dev.resilience.benchmarks.StandardSettings;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.time.TimeSource;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A successful call through a CLOSED circuit breaker, count-based (100 calls) and time-based (60 s).
 *
 * <p>Two shapes per library. The functional shape is what user code writes: {@code breaker.get(work)} here,
 * a supplier decorated once at setup there ({@code CircuitBreaker.decorateSupplier}, Resilience4j's cheapest
 * functional form). The permit shape is the low-level protocol an aspect uses: {@code acquirePermit()},
 * a start time, {@code onSuccess(start)} here; {@code acquirePermission()}, {@code getCurrentTimestamp()},
 * {@code onSuccess(duration, unit)} there.
 *
 * <p>The state is shared by all benchmark threads: with 2 threads, both hit the same breaker, as the
 * requests of one service do. The tear-down checks that every breaker is still CLOSED and recorded no
 * failure, so a run that measured anything else fails.
 */
@State(Scope.Benchmark)
public class CircuitBreakerClosedBenchmark extends StandardSettings {

    private final Supplier<String> work = new Work();

    private CircuitBreaker oursCount;
    private CircuitBreaker oursTime;
    private CachedClock cachedClock;
    private CircuitBreaker oursCountCachedClock;
    private TimeSource oursClock;

    private io.github.resilience4j.circuitbreaker.CircuitBreaker r4jCount;
    private io.github.resilience4j.circuitbreaker.CircuitBreaker r4jTime;
    private io.github.resilience4j.circuitbreaker.CircuitBreaker r4jCountLockFree;
    private io.github.resilience4j.circuitbreaker.CircuitBreaker r4jTimeLockFree;
    private Supplier<String> r4jCountDecorated;
    private Supplier<String> r4jTimeDecorated;
    private Supplier<String> r4jCountLockFreeDecorated;
    private Supplier<String> r4jTimeLockFreeDecorated;

    /** Creates one breaker per variant and decorates Resilience4j's suppliers once. */
    @Setup
    public void setUp() {
        oursCount = CircuitBreaker.of("count", Configs.ours(true));
        oursTime = CircuitBreaker.of("time", Configs.ours(false));
        oursClock = oursCount.timeSource();
        cachedClock = new CachedClock();
        oursCountCachedClock = CircuitBreaker.of("countCachedClock", Configs.ours(true), cachedClock);
        r4jCount = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("count", Configs.r4j(true, false));
        r4jTime = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("time", Configs.r4j(false, false));
        r4jCountLockFree = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("countLockFree",
                Configs.r4j(true, true));
        r4jTimeLockFree = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("timeLockFree",
                Configs.r4j(false, true));
        r4jCountDecorated = r4jCount.decorateSupplier(work);
        r4jTimeDecorated = r4jTime.decorateSupplier(work);
        r4jCountLockFreeDecorated = r4jCountLockFree.decorateSupplier(work);
        r4jTimeLockFreeDecorated = r4jTimeLockFree.decorateSupplier(work);
    }

    /** Fails the run if a breaker left CLOSED or recorded a failure. */
    @TearDown
    public void checkStillClosed() {
        cachedClock.close();
        for (CircuitBreaker breaker : new CircuitBreaker[] {oursCount, oursTime, oursCountCachedClock}) {
            if (breaker.state() != CircuitBreakerState.CLOSED || breaker.snapshot().failedCalls() != 0) {
                throw new IllegalStateException("not a closed-breaker run: " + breaker + " " + breaker.snapshot());
            }
        }
        for (io.github.resilience4j.circuitbreaker.CircuitBreaker breaker : new io.github.resilience4j.circuitbreaker.CircuitBreaker[] {
                r4jCount, r4jTime, r4jCountLockFree, r4jTimeLockFree}) {
            if (breaker.getState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED
                    || breaker.getMetrics().getNumberOfFailedCalls() != 0) {
                throw new IllegalStateException("not a closed-breaker run: " + breaker);
            }
        }
    }

    /** @return the work, unprotected */
    @Benchmark
    public String baseline() {
        return work.get();
    }

    /** @return the work through our count-based breaker, functional shape */
    @Benchmark
    public String ours_countBased() {
        return oursCount.get(work);
    }

    /**
     * An experiment, not a comparison target: our count-based breaker reading a {@link CachedClock}
     * instead of {@code System.nanoTime()}.
     *
     * @return the work through our count-based breaker, functional shape
     */
    @Benchmark
    public String ours_countBased_cachedClock() {
        return oursCountCachedClock.get(work);
    }

    /** @return the work through Resilience4j's count-based breaker, functional shape */
    @Benchmark
    public String r4j_countBased() {
        return r4jCountDecorated.get();
    }

    /** @return the work through Resilience4j's count-based LOCK_FREE breaker, functional shape */
    @Benchmark
    public String r4j_countBased_lockFree() {
        return r4jCountLockFreeDecorated.get();
    }

    /** @return the work through our time-based breaker, functional shape */
    @Benchmark
    public String ours_timeBased() {
        return oursTime.get(work);
    }

    /** @return the work through Resilience4j's time-based breaker, functional shape */
    @Benchmark
    public String r4j_timeBased() {
        return r4jTimeDecorated.get();
    }

    /** @return the work through Resilience4j's time-based LOCK_FREE breaker, functional shape */
    @Benchmark
    public String r4j_timeBased_lockFree() {
        return r4jTimeLockFreeDecorated.get();
    }

    /** @return the work through our count-based breaker, permit shape (what the aspect does) */
    @Benchmark
    public String ours_countBased_permit() {
        CircuitBreaker.Permit permit = oursCount.acquirePermit();
        long start = oursClock.nanoTime();
        String result;
        try {
            result = work.get();
        } catch (RuntimeException error) {
            permit.onError(start, error);
            throw error;
        }
        permit.onSuccess(start);
        return result;
    }

    /** @return the work through Resilience4j's count-based breaker, permit shape */
    @Benchmark
    public String r4j_countBased_permit() {
        io.github.resilience4j.circuitbreaker.CircuitBreaker breaker = r4jCount;
        breaker.acquirePermission();
        long start = breaker.getCurrentTimestamp();
        String result;
        try {
            result = work.get();
        } catch (RuntimeException error) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), error);
            throw error;
        }
        breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
        return result;
    }
}
