package dev.resilience.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.TimeoutExceededException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class TimeoutConcurrencyTests {

    private static final int THREADS = 4;

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    /**
     * Real time and a real timer thread: calls of 1 ms that take between 0.5 and 1.5 ms, so that finishing
     * and the deadline race again and again. A call that finished must never leave an interrupt behind,
     * and a call whose body saw the interrupt must end in TimeoutExceededException.
     */
    @ParameterizedTest
    @MethodSource("dev.resilience.testing.ThreadKind#available")
    void neverInterruptsAThreadAfterItsCallFinished(ThreadKind kind) {
        int callsPerThread = 300;
        Timeout timeout = Timeout.of("race", TimeoutConfig.builder().duration(Duration.ofMillis(1)).build(),
                TimeSource.system(), Scheduler.of(timers));
        LongAdder succeeded = new LongAdder();
        LongAdder timedOut = new LongAdder();
        AtomicInteger strayInterrupts = new AtomicInteger();
        AtomicInteger interruptedButSucceeded = new AtomicInteger();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(60), thread -> {
            for (int i = 0; i < callsPerThread; i++) {
                long busyNanos = ThreadLocalRandom.current().nextLong(500_000, 1_500_000);
                AtomicBoolean sawInterrupt = new AtomicBoolean();
                try {
                    timeout.run(() -> {
                        long end = System.nanoTime() + busyNanos;
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                        sawInterrupt.set(Thread.currentThread().isInterrupted());
                    });
                    succeeded.increment();
                    if (sawInterrupt.get()) {
                        interruptedButSucceeded.incrementAndGet();
                    }
                } catch (TimeoutExceededException expected) {
                    timedOut.increment();
                }
                if (Thread.interrupted()) {
                    strayInterrupts.incrementAndGet();
                }
            }
            long end = System.nanoTime() + 20_000_000L;
            while (System.nanoTime() < end) {
                if (Thread.interrupted()) {
                    strayInterrupts.incrementAndGet();
                }
                Thread.onSpinWait();
            }
        });

        assertThat(strayInterrupts).hasValue(0);
        assertThat(interruptedButSucceeded).hasValue(0);
        assertThat(succeeded.sum() + timedOut.sum()).isEqualTo((long) THREADS * callsPerThread);
        TimeoutSnapshot snapshot = timeout.snapshot();
        assertThat(snapshot.successfulCalls()).isEqualTo(succeeded.sum());
        assertThat(snapshot.timedOutCalls()).isEqualTo(timedOut.sum());
        assertThat(snapshot.failedCalls()).isZero();
    }

    /**
     * One thread moves a manual clock while the others complete asynchronous calls near their deadline:
     * every call ends exactly once, and the statistics agree with what the callers saw.
     */
    @ParameterizedTest
    @MethodSource("dev.resilience.testing.ThreadKind#available")
    void asynchronousOutcomesAreCountedExactlyOnce(ThreadKind kind) {
        int callsPerThread = 2_000;
        ManualClock clock = new ManualClock();
        Timeout timeout = Timeout.of("race", TimeoutConfig.builder().duration(Duration.ofNanos(3_000)).build(),
                clock, clock);
        LongAdder succeeded = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder timedOut = new LongAdder();
        AtomicBoolean callersDone = new AtomicBoolean();
        AtomicInteger callersLeft = new AtomicInteger(THREADS);

        Concurrently.run(kind, THREADS + 1, Duration.ofSeconds(60), thread -> {
            if (thread == THREADS) {
                while (!callersDone.get()) {
                    clock.advanceNanos(1_000);
                }
                clock.advance(Duration.ofSeconds(1));
                return;
            }
            for (int i = 0; i < callsPerThread; i++) {
                CompletableFuture<String> underlying = new CompletableFuture<>();
                CompletableFuture<String> result = timeout.callAsync(() -> underlying);
                if (i % 3 == 0) {
                    underlying.completeExceptionally(new IllegalStateException());
                } else {
                    underlying.complete("ok");
                }
                result.handle((value, error) -> {
                    if (error == null) {
                        succeeded.increment();
                    } else if (error instanceof TimeoutExceededException) {
                        timedOut.increment();
                    } else {
                        failed.increment();
                    }
                    return null;
                });
            }
            if (callersLeft.decrementAndGet() == 0) {
                callersDone.set(true);
            }
        });

        TimeoutSnapshot snapshot = timeout.snapshot();
        assertThat(snapshot.calls()).isEqualTo((long) THREADS * callsPerThread);
        assertThat(snapshot.successfulCalls()).isEqualTo(succeeded.sum());
        assertThat(snapshot.failedCalls()).isEqualTo(failed.sum());
        assertThat(snapshot.timedOutCalls()).isEqualTo(timedOut.sum());
        assertThat(clock.pendingTasks()).isZero();
    }
}
