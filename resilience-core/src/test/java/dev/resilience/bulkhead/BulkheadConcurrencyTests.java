package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many threads hammer one bulkhead with a random mix of blocking acquisitions, acquisitions by a caller
 * that interrupted itself first, asynchronous acquisitions and cancelled asynchronous acquisitions, while
 * one more thread moves a manual clock so that queued callers time out. Checked: the number of calls
 * inside the bulkhead never exceeds its limit, no permit leaks, every refusal is counted once, and an
 * interrupt flag is never swallowed.
 */
@Tag("concurrency")
class BulkheadConcurrencyTests {

    private static final int MAX_CONCURRENT = 4;
    private static final int WORKERS = 8;
    private static final Duration BOUND = Duration.ofSeconds(60);

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void neverExceedsItsLimitAndNeverLeaksAPermit(ThreadKind kind) {
        int operations = kind == ThreadKind.PLATFORM ? 1_000_000 : 300_000;
        ManualClock clock = new ManualClock();
        Bulkhead bulkhead = Bulkhead.of("hammered", BulkheadConfig.builder().maxConcurrentCalls(MAX_CONCURRENT)
                .maxQueueSize(6).maxWaitDuration(Duration.ofMillis(5)).build(), clock, clock);
        Inside inside = new Inside();
        LongAdder refusalsSeen = new LongAdder();
        AtomicInteger outstandingAsync = new AtomicInteger();
        AtomicInteger workersLeft = new AtomicInteger(WORKERS);
        AtomicBoolean flagSwallowed = new AtomicBoolean();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());

        Concurrently.run(kind, WORKERS + 1, BOUND, index -> {
            if (index == WORKERS) {
                moveTimeUntilWorkersFinish(clock, workersLeft);
                return;
            }
            try {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < operations / WORKERS; i++) {
                    int dice = random.nextInt(100);
                    if (dice < 45) {
                        blocking(bulkhead, inside, refusalsSeen);
                    } else if (dice < 55) {
                        Thread.currentThread().interrupt();
                        blocking(bulkhead, inside, refusalsSeen);
                        if (!Thread.interrupted()) {
                            flagSwallowed.set(true);
                        }
                    } else {
                        outstandingAsync.incrementAndGet();
                        CompletableFuture<Bulkhead.Permit> stage = bulkhead.acquirePermitAsync().toCompletableFuture();
                        stage.whenComplete((permit, failure) -> {
                            if (permit != null) {
                                inside.run(permit);
                            } else if (failure instanceof BulkheadFullException) {
                                refusalsSeen.increment();
                            } else if (!(failure instanceof CancellationException)) {
                                unexpected.add(failure);
                            }
                            outstandingAsync.decrementAndGet();
                        });
                        if (dice >= 95) {
                            stage.cancel(false);
                        }
                    }
                }
            } finally {
                workersLeft.decrementAndGet();
            }
        });
        clock.advance(Duration.ofSeconds(1));
        await().atMost(BOUND).until(() -> outstandingAsync.get() == 0);

        assertThat(unexpected).isEmpty();
        assertThat(flagSwallowed).as("an interrupt flag was cleared").isFalse();
        assertThat(inside.max).as("most calls inside at once").hasValue(MAX_CONCURRENT);
        assertThat(inside.now).hasValue(0);
        BulkheadSnapshot snapshot = bulkhead.snapshot();
        assertThat(snapshot.activeCalls()).isZero();
        assertThat(snapshot.queuedCalls()).isZero();
        assertThat(clock.pendingTasks()).as("timeouts of admitted waiters are cancelled").isZero();
        assertThat(snapshot.rejectedCalls()).isEqualTo(refusalsSeen.sum());
        assertThat(snapshot.queueFullCalls()).as("queue-full refusals happened").isPositive();
        assertThat(snapshot.queueTimeoutCalls()).as("queue timeouts happened").isPositive();
        assertThat(snapshot.queueWaitCount()).as("queued callers were admitted")
                .isGreaterThan(snapshot.queueTimeoutCalls());
        for (int i = 0; i < MAX_CONCURRENT; i++) {
            assertThat(bulkhead.acquirePermitAsync().toCompletableFuture()).as("slot %d is free again", i)
                    .isCompleted();
        }
        assertThat(bulkhead.acquirePermitAsync().toCompletableFuture()).isNotDone();
    }

    private static void blocking(Bulkhead bulkhead, Inside inside, LongAdder refusalsSeen) {
        Bulkhead.Permit permit;
        try {
            permit = bulkhead.acquirePermit();
        } catch (BulkheadFullException e) {
            refusalsSeen.increment();
            return;
        }
        inside.run(permit);
    }

    private static void moveTimeUntilWorkersFinish(ManualClock clock, AtomicInteger workersLeft) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (workersLeft.get() > 0) {
            clock.advanceNanos(random.nextLong(200_000));
            Thread.yield();
        }
    }

    /** Counts the calls between acquisition and release, and the most seen at once. */
    private static final class Inside {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        void run(Bulkhead.Permit permit) {
            int inside = now.incrementAndGet();
            max.accumulateAndGet(inside, Math::max);
            // Yielding, not spinning, lets other threads (virtual ones too, on few carriers) in meanwhile.
            int yields = ThreadLocalRandom.current().nextInt(3);
            for (int i = 0; i < yields; i++) {
                Thread.yield();
            }
            now.decrementAndGet();
            permit.release();
        }
    }
}
