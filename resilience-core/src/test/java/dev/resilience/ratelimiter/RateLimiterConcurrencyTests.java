package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.RateLimitExceededException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import dev.resilience.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many threads ask one rate limiter for permits across thousands of periods of a manual clock, and every
 * permit is charged to the period in which its call may start. Checked: no period ever starts more than the
 * limit, every permit is accounted for, and the limiter was saturated most of the time.
 *
 * <p>To know each permit's period exactly, time moves only while no worker is inside the limiter. Rounds
 * alternate two phases of a {@link Phaser}: in phase A the clock stands still and workers call the limiter
 * (a permit granted at once is charged to the current period); in phase B one thread moves the clock, which
 * fires the wake-ups of reserved permits, each charged when it fires (a {@link ManualClock} runs a task with
 * its time set to the task's due time). Most workers make asynchronous calls (some cancelled at once) and
 * keep the limiter saturated; a few make blocking calls. A blocking caller that must wait leaves the phaser
 * from inside the limiter (this test's scheduler does it when the wake-up is scheduled, while time still
 * stands still) and rejoins once woken.
 */
@Tag("concurrency")
class RateLimiterConcurrencyTests {

    private static final int LIMIT = 5;
    private static final long PERIOD_NANOS = 1_000;
    private static final long TIMEOUT_NANOS = 3_000;
    private static final int BLOCKING_WORKERS = 2;
    private static final int ASYNC_WORKERS = 4;
    private static final int WORKERS = BLOCKING_WORKERS + ASYNC_WORKERS;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void neverStartsMoreThanTheLimitInAnyPeriod(ThreadKind kind) {
        int rounds = kind == ThreadKind.PLATFORM ? 15_000 : 10_000;
        ManualClock clock = new ManualClock();
        Phaser phaser = new Phaser(WORKERS + 1);
        Map<Long, AtomicInteger> startsPerPeriod = new ConcurrentHashMap<>();
        LongAdder waited = new LongAdder();
        LongAdder refusals = new LongAdder();
        ThreadLocal<boolean[]> blockingWorker = ThreadLocal.withInitial(() -> new boolean[1]);
        ThreadLocal<boolean[]> leftPhaser = ThreadLocal.withInitial(() -> new boolean[1]);
        Scheduler scheduler = (task, delayNanos) -> {
            Scheduler.Cancellable wake = clock.schedule(() -> {
                charge(startsPerPeriod, clock.nanoTime());
                waited.increment();
                task.run();
            }, delayNanos);
            if (blockingWorker.get()[0]) {
                leftPhaser.get()[0] = true;
                phaser.arriveAndDeregister();
            }
            return wake;
        };
        RateLimiter limiter = RateLimiter.of("busy", RateLimiterConfig.builder().limitForPeriod(LIMIT)
                .limitRefreshPeriod(Duration.ofNanos(PERIOD_NANOS)).timeoutDuration(Duration.ofNanos(TIMEOUT_NANOS))
                .build(), clock, scheduler);
        AtomicBoolean done = new AtomicBoolean();

        Concurrently.run(kind, WORKERS + 1, Duration.ofSeconds(60), index -> {
            if (index == WORKERS) {
                for (int round = 0; round < rounds; round++) {
                    phaser.arriveAndAwaitAdvance();
                    clock.advanceNanos(step(ThreadLocalRandom.current()));
                    phaser.arriveAndAwaitAdvance();
                }
                done.set(true);
                phaser.arriveAndAwaitAdvance();
                clock.advanceNanos(TIMEOUT_NANOS + PERIOD_NANOS);
                phaser.arriveAndDeregister();
                return;
            }
            blockingWorker.get()[0] = index < BLOCKING_WORKERS;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!done.get()) {
                if (index < BLOCKING_WORKERS) {
                    try {
                        limiter.acquirePermit();
                        if (!leftPhaser.get()[0]) {
                            charge(startsPerPeriod, clock.nanoTime());
                        }
                    } catch (RateLimitExceededException e) {
                        refusals.increment();
                    }
                    if (leftPhaser.get()[0]) {
                        leftPhaser.get()[0] = false;
                        if (!rejoin(phaser)) {
                            return;
                        }
                        continue;
                    }
                } else {
                    for (int call = random.nextInt(4); call >= 0; call--) {
                        asyncCall(limiter, startsPerPeriod, clock, refusals, random.nextInt(10) == 0);
                    }
                }
                phaser.arriveAndAwaitAdvance();
                phaser.arriveAndAwaitAdvance();
            }
            phaser.arriveAndDeregister();
        });

        assertThat(startsPerPeriod.values()).allSatisfy(starts -> assertThat(starts.get()).isBetween(1, LIMIT));
        long total = startsPerPeriod.values().stream().mapToLong(AtomicInteger::get).sum();
        RateLimiterSnapshot snapshot = limiter.snapshot();
        assertThat(snapshot.permittedCalls()).isEqualTo(total);
        assertThat(snapshot.rejectedCalls()).isEqualTo(refusals.sum()).isPositive();
        assertThat(clock.pendingTasks()).isZero();
        assertThat(waited.sum()).as("permits reserved in later periods").isPositive();
        long periods = clock.nanoTime() / PERIOD_NANOS;
        long fullPeriods = startsPerPeriod.values().stream().filter(starts -> starts.get() == LIMIT).count();
        assertThat(fullPeriods).as("periods that reached the limit, of %d", periods).isGreaterThan(periods / 2);
    }

    private static void asyncCall(RateLimiter limiter, Map<Long, AtomicInteger> startsPerPeriod, ManualClock clock,
            LongAdder refusals, boolean cancel) {
        CompletableFuture<Void> permit = limiter.acquirePermitAsync().toCompletableFuture();
        if (permit.isCompletedExceptionally()) {
            refusals.increment();
        } else if (permit.isDone()) {
            charge(startsPerPeriod, clock.nanoTime());
        } else if (cancel) {
            permit.cancel(false);
        }
    }

    /** Rejoins the phaser after a wait, lined up with the start of a phase A; false if the run is over. */
    private static boolean rejoin(Phaser phaser) {
        int phase = phaser.register();
        if (phase < 0) {
            return false;
        }
        if ((phase & 1) == 1) {
            phaser.arriveAndAwaitAdvance();
        }
        return true;
    }

    /** Mostly small steps, several per period; now and then a jump over idle periods. */
    private static long step(ThreadLocalRandom random) {
        return random.nextInt(20) == 0 ? random.nextLong(5 * PERIOD_NANOS) : random.nextLong(PERIOD_NANOS / 2);
    }

    private static void charge(Map<Long, AtomicInteger> startsPerPeriod, long nanos) {
        startsPerPeriod.computeIfAbsent(nanos / PERIOD_NANOS, period -> new AtomicInteger()).incrementAndGet();
    }
}
