package dev.resilience.benchmarks.core;

import dev.resilience.benchmarks.StandardSettings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the operations the protected paths are made of cost on this machine, so that the report can say
 * where a path's time goes: a clock read, a striped-counter increment, an atomic increment, a count
 * window's slot claim and swap, a {@code synchronized} block. Every counter is shared by the
 * benchmark threads, as a breaker's counters are.
 */
@State(Scope.Benchmark)
public class BuildingBlocksBenchmark extends StandardSettings {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(byte[].class);

    private final LongAdder adder = new LongAdder();
    private final AtomicLong atomic = new AtomicLong();
    private final byte[] slots = new byte[100];
    private final Object lock = new Object();
    private long guarded;

    /** @return one {@code System.nanoTime()} reading */
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    /** @return the adder, after one {@code LongAdder.increment()} */
    @Benchmark
    public LongAdder longAdderIncrement() {
        adder.increment();
        return adder;
    }

    /** @return one {@code AtomicLong.getAndIncrement()} */
    @Benchmark
    public long atomicIncrement() {
        return atomic.getAndIncrement();
    }

    /** @return a count window's record: claim the next slot (atomic increment), swap its byte (atomic) */
    @Benchmark
    public byte slotClaimAndSwap() {
        int slot = (int) (atomic.getAndIncrement() % slots.length);
        return (byte) SLOTS.getAndSet(slots, slot, (byte) 1);
    }

    /** @return the counter, incremented in a {@code synchronized} block */
    @Benchmark
    public long synchronizedIncrement() {
        synchronized (lock) {
            return ++guarded;
        }
    }
}
