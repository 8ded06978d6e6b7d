package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.BulkheadFullException;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BulkheadReconfigureTests {

    private final ManualClock clock = new ManualClock();

    private Bulkhead bulkhead(int max, int queue) {
        return Bulkhead.of("test", config(max, queue), clock, clock);
    }

    private static BulkheadConfig config(int max, int queue) {
        return BulkheadConfig.builder().maxConcurrentCalls(max).maxQueueSize(queue)
                .maxWaitDuration(Duration.ofMinutes(1)).build();
    }

    @Test
    void aSmallerLimitLetsRunningCallsFinishAndAdmitsOnlyUnderIt() {
        Bulkhead bulkhead = bulkhead(10, 0);
        List<Bulkhead.Permit> running = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            running.add(bulkhead.acquirePermit());
        }

        BulkheadConfig old = bulkhead.reconfigure(config(5, 0));

        assertThat(old.maxConcurrentCalls()).isEqualTo(10);
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(10);
        assertThat(bulkhead.snapshot().maxConcurrentCalls()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            running.remove(0).release();
            assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
        }
        running.remove(0).release();
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(4);
        running.add(bulkhead.acquirePermit());
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
    }

    @Test
    void waitersAreNotHandedSlotsOverTheLoweredLimit() {
        Bulkhead bulkhead = bulkhead(2, 5);
        Bulkhead.Permit first = bulkhead.acquirePermit();
        Bulkhead.Permit second = bulkhead.acquirePermit();
        CompletableFuture<Bulkhead.Permit> waiting = bulkhead.acquirePermitAsync().toCompletableFuture();

        bulkhead.reconfigure(config(1, 5));
        first.release();

        assertThat(waiting).isNotDone();
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(1);
        second.release();
        assertThat(waiting).isCompleted();
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(1);
        assertThat(bulkhead.snapshot().queuedCalls()).isZero();
    }

    @Test
    void aLargerLimitAdmitsWaitersAtOnceLongestWaitingFirst() {
        Bulkhead bulkhead = bulkhead(1, 5);
        bulkhead.acquirePermit();
        CompletableFuture<Bulkhead.Permit> a = bulkhead.acquirePermitAsync().toCompletableFuture();
        CompletableFuture<Bulkhead.Permit> b = bulkhead.acquirePermitAsync().toCompletableFuture();
        CompletableFuture<Bulkhead.Permit> c = bulkhead.acquirePermitAsync().toCompletableFuture();

        bulkhead.reconfigure(config(3, 5));

        assertThat(a).isCompleted();
        assertThat(b).isCompleted();
        assertThat(c).isNotDone();
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(3);
        assertThat(bulkhead.snapshot().queuedCalls()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(c).isCompletedExceptionally();
    }
}
