package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.BulkheadFullException.Reason;
import dev.resilience.testing.InThread;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BulkheadQueueTests {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();

    private Bulkhead bulkhead(int maxConcurrent, int maxQueue, Duration maxWait) {
        return Bulkhead.of("inventory", BulkheadConfig.builder().maxConcurrentCalls(maxConcurrent)
                .maxQueueSize(maxQueue).maxWaitDuration(maxWait).build(), clock, clock);
    }

    private static void awaitQueued(Bulkhead bulkhead, int queued) {
        await().atMost(BOUND).until(() -> bulkhead.snapshot().queuedCalls() == queued);
    }

    @Test
    void queuedCallerGetsTheSlotWhenItIsReleased() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(10));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        InThread<Bulkhead.Permit> waiter = InThread.start("waiter", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);
        assertThat(clock.pendingTasks()).isOne();

        held.release();

        assertThat(waiter.result()).isNotNull();
        assertThat(bulkhead.snapshot().activeCalls()).isOne();
        assertThat(bulkhead.snapshot().queuedCalls()).isZero();
        assertThat(clock.pendingTasks()).as("the waiter's timeout is cancelled").isZero();
    }

    @Test
    void queuedCallerTimesOutWhenTimeMovesPastTheMaxWait() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(10));
        bulkhead.acquirePermit();
        InThread<Bulkhead.Permit> waiter = InThread.start("waiter", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);

        clock.advance(Duration.ofMillis(9_999));
        assertThat(waiter.isDone()).isFalse();
        clock.advance(Duration.ofMillis(1));

        assertThat(waiter.failure()).isInstanceOfSatisfying(BulkheadFullException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.QUEUE_TIMEOUT));
        BulkheadSnapshot snapshot = bulkhead.snapshot();
        assertThat(snapshot.queuedCalls()).isZero();
        assertThat(snapshot.activeCalls()).isOne();
        assertThat(snapshot.rejectedCalls(Reason.QUEUE_TIMEOUT)).isOne();
        assertThat(snapshot.queueWaitCount()).isOne();
        assertThat(snapshot.queueWaitNanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void callerFindingTheQueueFullIsRejectedAtOnce() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(10));
        bulkhead.acquirePermit();
        InThread.start("waiter", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);

        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOfSatisfying(BulkheadFullException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.QUEUE_FULL));
        assertThat(bulkhead.snapshot().queuedCalls()).isOne();
    }

    @Test
    void queueWithAZeroWaitRejectsAtOnceWithQueueTimeout() {
        Bulkhead bulkhead = bulkhead(1, 5, Duration.ZERO);
        bulkhead.acquirePermit();

        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOfSatisfying(BulkheadFullException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.QUEUE_TIMEOUT));
        assertThat(bulkhead.snapshot().queuedCalls()).isZero();
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void queuedCallersAreServedInArrivalOrder() {
        Bulkhead bulkhead = bulkhead(1, 5, Duration.ofSeconds(10));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        List<Integer> served = new CopyOnWriteArrayList<>();
        List<InThread<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int index = i;
            waiters.add(InThread.start("waiter-" + i, () -> {
                Bulkhead.Permit permit = bulkhead.acquirePermit();
                served.add(index);
                permit.release();
                return index;
            }));
            awaitQueued(bulkhead, i + 1);
        }

        held.release();

        waiters.forEach(InThread::result);
        assertThat(served).containsExactly(0, 1, 2, 3, 4);
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void newCallerQueuesBehindWaitersInsteadOfTakingAReleasedSlot() {
        Bulkhead bulkhead = bulkhead(1, 2, Duration.ofSeconds(10));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        InThread<Bulkhead.Permit> first = InThread.start("first", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);
        var second = bulkhead.acquirePermitAsync().toCompletableFuture();

        held.release();

        first.result();
        assertThat(second).isNotDone();
        held.release();
        assertThat(second).isCompleted();
    }

    @Test
    void interruptedWaiterLeavesTheQueueAndKeepsItsInterruptFlag() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(10));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        InThread<Bulkhead.Permit> waiter = InThread.start("waiter", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);

        waiter.thread().interrupt();

        assertThat(waiter.failure()).isInstanceOfSatisfying(BulkheadFullException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.QUEUE_TIMEOUT));
        assertThat(waiter.interruptedAtEnd()).isTrue();
        assertThat(bulkhead.snapshot().queuedCalls()).isZero();
        assertThat(bulkhead.snapshot().queueWaitCount()).isOne();
        assertThat(clock.pendingTasks()).as("the waiter's timeout is cancelled").isZero();
        held.release();
        assertThat(bulkhead.snapshot().activeCalls()).as("the released slot was not handed to the leaver").isZero();
    }

    @Test
    void alreadyInterruptedCallerThatMustQueueIsRefusedAndKeepsTheFlag() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(10));
        bulkhead.acquirePermit();

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(bulkhead.snapshot().queuedCalls()).isZero();
    }

    @Test
    void queueWaitIsMeasuredAndReportedToListeners() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(10));
        List<Long> waits = new CopyOnWriteArrayList<>();
        var subscription = bulkhead.onQueueWait(waits::add);
        Bulkhead.Permit held = bulkhead.acquirePermit();
        InThread<Bulkhead.Permit> waiter = InThread.start("waiter", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);

        clock.advance(Duration.ofMillis(3_000));
        held.release();
        waiter.result();

        assertThat(waits).containsExactly(Duration.ofSeconds(3).toNanos());
        assertThat(bulkhead.snapshot().queueWaitCount()).isOne();
        assertThat(bulkhead.snapshot().queueWaitNanos()).isEqualTo(Duration.ofSeconds(3).toNanos());

        subscription.cancel();
        InThread<Bulkhead.Permit> next = InThread.start("next", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);
        held.release();
        next.result();
        assertThat(waits).hasSize(1);
        assertThat(bulkhead.snapshot().queueWaitCount()).isEqualTo(2);
    }

    @Test
    void callersThatDoNotQueueRecordNoWait() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(10));
        List<Long> waits = new CopyOnWriteArrayList<>();
        bulkhead.onQueueWait(waits::add);

        bulkhead.acquirePermit().release();

        assertThat(waits).isEmpty();
        assertThat(bulkhead.snapshot().queueWaitCount()).isZero();
    }

    @Test
    void hugeMaxWaitDoesNotOverflow() {
        Bulkhead bulkhead = Bulkhead.of("patient", BulkheadConfig.builder().maxConcurrentCalls(1).maxQueueSize(1)
                .maxWaitDuration(Duration.ofSeconds(Long.MAX_VALUE)).build(), clock, clock);
        clock.advance(Duration.ofDays(1));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        var waiting = bulkhead.acquirePermitAsync().toCompletableFuture();

        clock.advance(Duration.ofDays(365));
        assertThat(waiting).isNotDone();
        held.release();
        assertThat(waiting).isCompleted();
    }
}
