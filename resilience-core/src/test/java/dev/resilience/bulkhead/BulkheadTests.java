package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.BulkheadFullException.Reason;
import dev.resilience.event.EventType;
import dev.resilience.testing.InThread;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BulkheadTests {

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
    void admitsUpToMaxConcurrentCallsThenRejectsWithQueueFull() {
        Bulkhead bulkhead = bulkhead(2, 0, Duration.ZERO);
        bulkhead.acquirePermit();
        bulkhead.acquirePermit();

        assertThatThrownBy(bulkhead::acquirePermit)
                .isInstanceOfSatisfying(BulkheadFullException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(Reason.QUEUE_FULL);
                    assertThat(e.getName()).isEqualTo("inventory");
                });
        BulkheadSnapshot snapshot = bulkhead.snapshot();
        assertThat(snapshot.activeCalls()).isEqualTo(2);
        assertThat(snapshot.rejectedCalls()).isEqualTo(1);
        assertThat(snapshot.rejectedCalls(Reason.QUEUE_FULL)).isEqualTo(1);
        assertThat(snapshot.rejectedCalls(Reason.QUEUE_TIMEOUT)).isZero();
    }

    @Test
    void releasedSlotIsFreeForTheNextCaller() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);
        bulkhead.acquirePermit().release();

        Bulkhead.Permit permit = bulkhead.acquirePermit();

        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(1);
        permit.release();
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void releasingMoreOftenThanAcquiringIsRefused() {
        Bulkhead bulkhead = bulkhead(2, 0, Duration.ZERO);
        Bulkhead.Permit permit = bulkhead.acquirePermit();
        permit.release();

        assertThatThrownBy(permit::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inventory");
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void rejectionPublishesAnEventWithTheReason() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);
        List<BulkheadEvent> events = new CopyOnWriteArrayList<>();
        bulkhead.events().subscribe(Set.of(EventType.REJECTED), events::add);
        clock.advance(Duration.ofMillis(1500));
        bulkhead.acquirePermit();

        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.REJECTED);
            assertThat(event.instanceName()).isEqualTo("inventory");
            assertThat(event.epochMillis()).isEqualTo(clock.epochMillis());
            assertThat(event.details()).containsExactlyEntriesOf(Map.of("reason", "QUEUE_FULL"));
        });
    }

    @Test
    void rejectionsCarryAStackTraceOnlyWhenConfigured() {
        Bulkhead cheap = bulkhead(1, 0, Duration.ZERO);
        Bulkhead traced = Bulkhead.of("traced", BulkheadConfig.builder().maxConcurrentCalls(1)
                .writableStackTrace(true).build(), clock, clock);
        cheap.acquirePermit();
        traced.acquirePermit();

        assertThatThrownBy(cheap::acquirePermit).satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        assertThatThrownBy(traced::acquirePermit).satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty());
    }

    @Test
    void alreadyInterruptedCallerStillTakesAFreeSlot() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);

        Thread.currentThread().interrupt();
        try {
            bulkhead.acquirePermit();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(bulkhead.snapshot().activeCalls()).isOne();
    }

    @Test
    void callGetAndRunGiveTheSlotBackOnSuccessAndOnException() throws Exception {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);

        assertThat(bulkhead.call(() -> bulkhead.snapshot().activeCalls())).isOne();
        assertThat(bulkhead.get(() -> "ok")).isEqualTo("ok");
        bulkhead.run(() -> assertThat(bulkhead.snapshot().activeCalls()).isOne());
        assertThatThrownBy(() -> bulkhead.call(() -> {
            throw new IOException("down");
        })).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> bulkhead.run(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void callIsRejectedWithoutRunningWhenFull() {
        Bulkhead bulkhead = bulkhead(1, 0, Duration.ZERO);
        bulkhead.acquirePermit();
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> bulkhead.run(() -> ran.add("ran"))).isInstanceOf(BulkheadFullException.class);
        assertThat(ran).isEmpty();
        assertThat(bulkhead.snapshot().activeCalls()).isOne();
    }

    @Test
    void resetClearsStatisticsWhileRunningCallsKeepTheirSlots() {
        Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(1));
        Bulkhead.Permit held = bulkhead.acquirePermit();
        InThread<Bulkhead.Permit> timedOut = InThread.start("timed-out", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);
        clock.advance(Duration.ofSeconds(1));
        timedOut.failure();
        InThread<Bulkhead.Permit> queued = InThread.start("queued", bulkhead::acquirePermit);
        awaitQueued(bulkhead, 1);
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);

        bulkhead.reset();

        BulkheadSnapshot snapshot = bulkhead.snapshot();
        assertThat(snapshot.rejectedCalls()).isZero();
        assertThat(snapshot.queueFullCalls()).isZero();
        assertThat(snapshot.queueTimeoutCalls()).isZero();
        assertThat(snapshot.queueWaitCount()).isZero();
        assertThat(snapshot.queueWaitNanos()).isZero();
        assertThat(snapshot.activeCalls()).isOne();
        assertThat(snapshot.queuedCalls()).isOne();
        held.release();
        queued.result().release();
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
        assertThat(bulkhead.snapshot().queueWaitCount()).isOne();
    }

    @Test
    void snapshotReportsTheConfiguredLimits() {
        Bulkhead bulkhead = bulkhead(4, 3, Duration.ofSeconds(1));

        BulkheadSnapshot snapshot = bulkhead.snapshot();

        assertThat(snapshot.maxConcurrentCalls()).isEqualTo(4);
        assertThat(snapshot.maxQueueSize()).isEqualTo(3);
        assertThat(bulkhead.name()).isEqualTo("inventory");
        assertThat(bulkhead.timeSource()).isSameAs(clock);
        assertThat(bulkhead.config().maxQueueSize()).isEqualTo(3);
    }
}
