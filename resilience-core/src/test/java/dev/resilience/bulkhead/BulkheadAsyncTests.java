package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.BulkheadFullException.Reason;
import dev.resilience.testing.InThread;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BulkheadAsyncTests {

    private final ManualClock clock = new ManualClock();

    private Bulkhead bulkhead(int maxConcurrent, int maxQueue, Duration maxWait) {
        return Bulkhead.of("reports", BulkheadConfig.builder().maxConcurrentCalls(maxConcurrent)
                .maxQueueSize(maxQueue).maxWaitDuration(maxWait).build(), clock, clock);
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        CompletableFuture<?> future = stage.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        Throwable failure = future.handle((result, error) -> error).join();
        return failure instanceof CompletionException ? failure.getCause() : failure;
    }

    @Test
    void freeSlotGivesTheSharedCompletedStage() {
        Bulkhead bulkhead = bulkhead(2, 0, Duration.ZERO);

        CompletionStage<Bulkhead.Permit> first = bulkhead.acquirePermitAsync();
        CompletionStage<Bulkhead.Permit> second = bulkhead.acquirePermitAsync();

        assertThat((Object) first).isSameAs(second);
        assertThat(first.toCompletableFuture()).isCompleted();
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(2);
    }

    @Test
    void queuedAsyncCallerCompletesOnTheThreadThatReleases() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(5));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        AtomicReference<String> completedOn = new AtomicReference<>();
        CompletableFuture<Bulkhead.Permit> waiting = bulkhead.acquirePermitAsync().toCompletableFuture();
        waiting.thenRun(() -> completedOn.set(Thread.currentThread().getName()));
        assertThat(waiting).isNotDone();
        assertThat(bulkhead.snapshot().queuedCalls()).isOne();

        InThread.start("releaser", () -> {
            held.release();
            return null;
        }).result();

        assertThat(waiting).isCompleted();
        assertThat(completedOn).hasValue("releaser");
        assertThat(bulkhead.snapshot().activeCalls()).isOne();
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void queuedAsyncCallerTimesOutThroughTheScheduler() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(5));
        bulkhead.acquirePermit();
        CompletionStage<Bulkhead.Permit> waiting = bulkhead.acquirePermitAsync();

        clock.advance(Duration.ofMillis(4_999));
        assertThat(waiting.toCompletableFuture()).isNotDone();
        clock.advance(Duration.ofMillis(1));

        assertThat(failureOf(waiting)).isInstanceOfSatisfying(BulkheadFullException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.QUEUE_TIMEOUT));
        assertThat(bulkhead.snapshot().queuedCalls()).isZero();
        assertThat(bulkhead.snapshot().queueTimeoutCalls()).isOne();
        assertThat(bulkhead.snapshot().queueWaitNanos()).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void asyncCallerFindingTheQueueFullGetsAFailedStageInsteadOfAnException() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);
        bulkhead.acquirePermit();

        CompletionStage<Bulkhead.Permit> refused = bulkhead.acquirePermitAsync();

        assertThat(failureOf(refused)).isInstanceOfSatisfying(BulkheadFullException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.QUEUE_FULL));
        assertThat(bulkhead.snapshot().queueFullCalls()).isOne();
    }

    @Test
    void cancellingAQueuedAsyncCallerLeavesTheQueue() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(5));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        CompletableFuture<Bulkhead.Permit> waiting = bulkhead.acquirePermitAsync().toCompletableFuture();

        waiting.cancel(false);

        assertThat(bulkhead.snapshot().queuedCalls()).isZero();
        assertThat(bulkhead.snapshot().rejectedCalls()).as("a cancellation is not a rejection").isZero();
        assertThat(clock.pendingTasks()).isZero();
        held.release();
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void slotHandedToACallerWhoCancelledMeanwhileIsGivenBack() {
        DefaultBulkhead bulkhead = (DefaultBulkhead) bulkhead(1, 1, Duration.ofSeconds(5));
        bulkhead.acquirePermit();
        FutureWaiter waiter = new FutureWaiter(bulkhead);
        waiter.future.cancel(false);

        waiter.admit();

        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void timeoutOfACallerWhoCancelledMeanwhileIsNotCountedAsARejection() {
        DefaultBulkhead bulkhead = (DefaultBulkhead) bulkhead(1, 1, Duration.ofSeconds(5));
        FutureWaiter waiter = new FutureWaiter(bulkhead);
        waiter.future.cancel(false);

        waiter.timeOut();

        assertThat(bulkhead.snapshot().rejectedCalls()).isZero();
        assertThat(waiter.future).isCancelled();
    }

    @Test
    void callAsyncHoldsTheSlotUntilTheStageCompletes() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);
        CompletableFuture<String> downstream = new CompletableFuture<>();

        CompletionStage<String> result = bulkhead.callAsync(() -> downstream);

        assertThat(bulkhead.snapshot().activeCalls()).isOne();
        downstream.complete("done");
        assertThat(result.toCompletableFuture()).isCompletedWithValue("done");
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void callAsyncGivesTheSlotBackWhenTheStageFails() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);
        CompletableFuture<String> downstream = new CompletableFuture<>();
        CompletionStage<String> result = bulkhead.callAsync(() -> downstream);

        downstream.completeExceptionally(new IllegalStateException("down"));

        assertThat(failureOf(result)).isInstanceOf(IllegalStateException.class);
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void callAsyncGivesTheSlotBackWhenTheSupplierThrows() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);

        CompletionStage<String> result = bulkhead.callAsync(() -> {
            throw new IllegalArgumentException("bad request");
        });

        assertThat(failureOf(result)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void callAsyncStartsAQueuedCallOnlyWhenASlotIsHandedOver() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(5));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        AtomicInteger started = new AtomicInteger();

        CompletionStage<String> result = bulkhead.callAsync(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture("late");
        });

        assertThat(started).hasValue(0);
        held.release();
        assertThat(started).hasValue(1);
        assertThat(result.toCompletableFuture()).isCompletedWithValue("late");
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void callAsyncRefusalArrivesThroughTheStage() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);
        bulkhead.acquirePermit();
        AtomicInteger started = new AtomicInteger();

        CompletionStage<String> result = bulkhead.callAsync(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture("never");
        });

        assertThat(failureOf(result)).isInstanceOf(BulkheadFullException.class);
        assertThat(started).hasValue(0);
    }

    @Test
    void syncAndAsyncWaitersShareOneArrivalOrder() {
        Bulkhead bulkhead = bulkhead(1, 3, Duration.ofSeconds(5));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        List<String> served = new CopyOnWriteArrayList<>();
        InThread<Void> first = InThread.start("first", () -> {
            Bulkhead.Permit permit = bulkhead.acquirePermit();
            served.add("first");
            permit.release();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.snapshot().queuedCalls() == 1);
        bulkhead.acquirePermitAsync().thenAccept(permit -> {
            served.add("second");
            permit.release();
        });
        InThread<Void> third = InThread.start("third", () -> {
            Bulkhead.Permit permit = bulkhead.acquirePermit();
            served.add("third");
            permit.release();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.snapshot().queuedCalls() == 3);

        held.release();

        first.result();
        third.result();
        assertThat(served).containsExactly("first", "second", "third");
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }
}
