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

class AdaptiveLimitTests {

    private final ManualClock clock = new ManualClock();

    private Bulkhead bulkhead(int max, AdaptiveLimitConfig.Builder adaptive) {
        return Bulkhead.of("adaptive", BulkheadConfig.builder().maxConcurrentCalls(max)
                .adaptive(adaptive.enabled(true).build()).build(), clock, clock);
    }

    private static AdaptiveLimitConfig.Builder aimd(int min, double backoffRatio) {
        return AdaptiveLimitConfig.builder().algorithm(AdaptiveLimitAlgorithm.AIMD).minConcurrentCalls(min)
                .latencyThreshold(Duration.ofMillis(100)).backoffRatio(backoffRatio);
    }

    /** Admits as many calls as the limit allows, lets {@code latency} pass, and releases them all. */
    private List<Integer> round(Bulkhead bulkhead, Duration latency) {
        List<Bulkhead.Permit> held = new ArrayList<>();
        int limit = bulkhead.concurrencyLimit();
        for (int i = 0; i < limit; i++) {
            held.add(bulkhead.acquirePermit());
        }
        clock.advance(latency);
        List<Integer> limits = new ArrayList<>();
        for (Bulkhead.Permit permit : held) {
            permit.release();
            limits.add(bulkhead.concurrencyLimit());
        }
        return limits;
    }

    private void slowCall(Bulkhead bulkhead) {
        Bulkhead.Permit permit = bulkhead.acquirePermit();
        clock.advance(Duration.ofMillis(100));
        permit.release();
    }

    @Test
    void aimdStartsAtMaxConcurrentCallsAndMultipliesByTheBackoffRatioOnASlowCallDownToTheMinimum() {
        Bulkhead bulkhead = bulkhead(20, aimd(2, 0.5));
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(20);

        List<Integer> limits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slowCall(bulkhead);
            limits.add(bulkhead.concurrencyLimit());
        }

        assertThat(limits).containsExactly(10, 5, 2, 2, 2);
        assertThat(bulkhead.config().maxConcurrentCalls()).isEqualTo(20);
        assertThat(bulkhead.snapshot().maxConcurrentCalls()).isEqualTo(20);
    }

    @Test
    void aimdGrowsByOnePerFastCallAtHighUtilisationUpToTheMaximum() {
        Bulkhead bulkhead = bulkhead(12, aimd(1, 0.5));
        slowCall(bulkhead);
        slowCall(bulkhead);
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(3);

        List<Integer> limits = new ArrayList<>(round(bulkhead, Duration.ofMillis(10)));
        assertThat(limits).as("3 and 2 in flight of 3 are high utilisation, 1 of 5 is not").containsExactly(4, 5, 5);
        for (int i = 0; i < 10; i++) {
            limits.addAll(round(bulkhead, Duration.ofMillis(10)));
        }

        assertThat(limits).allSatisfy(limit -> assertThat(limit).isBetween(1, 12));
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(12);
    }

    @Test
    void aimdDoesNotGrowWhileMostOfTheLimitIsUnused() {
        Bulkhead bulkhead = bulkhead(20, aimd(1, 0.5));
        slowCall(bulkhead);
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(10);

        for (int i = 0; i < 50; i++) {
            bulkhead.acquirePermit().release();
        }

        assertThat(bulkhead.concurrencyLimit()).isEqualTo(10);
    }

    @Test
    void aLowerLimitLetsRunningCallsFinishAndAdmitsNewOnesOnlyUnderIt() {
        Bulkhead bulkhead = bulkhead(4, aimd(1, 0.5));
        List<Bulkhead.Permit> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(bulkhead.acquirePermit());
        }
        clock.advance(Duration.ofSeconds(1));

        held.get(0).release();
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(2);
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(3);
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
        held.get(1).release();
        held.get(2).release();
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(1);
        assertThatThrownBy(bulkhead::acquirePermit).as("1 active, limit 1").isInstanceOf(BulkheadFullException.class);
        held.get(3).release();

        Bulkhead.Permit next = bulkhead.acquirePermit();
        assertThat(bulkhead.snapshot().activeCalls()).isEqualTo(1);
        next.release();
    }

    @Test
    void aGrowingLimitAdmitsQueuedCallersAtOnce() {
        Bulkhead bulkhead = Bulkhead.of("queued", BulkheadConfig.builder().maxConcurrentCalls(4).maxQueueSize(5)
                .maxWaitDuration(Duration.ofMinutes(1)).adaptive(aimd(1, 0.5).enabled(true).build()).build(), clock, clock);
        slowCall(bulkhead);
        slowCall(bulkhead);
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(1);
        Bulkhead.Permit running = bulkhead.acquirePermit();
        CompletableFuture<Bulkhead.Permit> first = bulkhead.acquirePermitAsync().toCompletableFuture();
        CompletableFuture<Bulkhead.Permit> second = bulkhead.acquirePermitAsync().toCompletableFuture();
        assertThat(bulkhead.snapshot().queuedCalls()).isEqualTo(2);

        running.release(); // fast, 1 of 1 in flight: limit 2, and the freed slot goes to the first waiter

        assertThat(bulkhead.concurrencyLimit()).isEqualTo(2);
        assertThat(first).isCompleted();
        assertThat(second).as("admitted by the growth").isCompleted();
        first.join().release();
        second.join().release();
        assertThat(bulkhead.snapshot().activeCalls()).isZero();
    }

    @Test
    void gradientShrinksWhenLatencyRisesAndRecoversWhenItFalls() {
        Bulkhead bulkhead = bulkhead(20, AdaptiveLimitConfig.builder().algorithm(AdaptiveLimitAlgorithm.GRADIENT)
                .minConcurrentCalls(2).smoothing(0.5));
        for (int i = 0; i < 5; i++) {
            round(bulkhead, Duration.ofMillis(10));
        }
        assertThat(bulkhead.concurrencyLimit()).as("steady latency keeps the maximum").isEqualTo(20);

        List<Integer> slow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slow.addAll(round(bulkhead, Duration.ofMillis(40)));
        }
        assertThat(slow).allSatisfy(limit -> assertThat(limit).isBetween(2, 20));
        assertThat(bulkhead.concurrencyLimit()).as("four times the latency").isLessThan(10);

        for (int i = 0; i < 20; i++) {
            round(bulkhead, Duration.ofMillis(10));
        }
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(20);
    }

    @Test
    void aBulkheadWithoutAdaptationKeepsItsLimitAndSharesOnePermit() {
        Bulkhead bulkhead = Bulkhead.of("fixed", BulkheadConfig.builder().maxConcurrentCalls(5).build(), clock, clock);
        Bulkhead.Permit first = bulkhead.acquirePermit();
        clock.advance(Duration.ofMinutes(1));
        first.release();
        assertThat(bulkhead.acquirePermit()).isSameAs(first);
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(5);
    }

    @Test
    void reconfigureWithTheSameAdaptiveSettingsAndMaximumKeepsTheLearntLimit() {
        Bulkhead bulkhead = bulkhead(20, aimd(1, 0.5));
        slowCall(bulkhead);
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(10);

        bulkhead.reconfigure(bulkhead.config().toBuilder().build());
        assertThat(bulkhead.concurrencyLimit()).as("the same values re-applied").isEqualTo(10);
        bulkhead.reconfigure(bulkhead.config().toBuilder().maxQueueSize(3).maxWaitDuration(Duration.ofSeconds(1)).build());
        assertThat(bulkhead.concurrencyLimit()).as("another key changed").isEqualTo(10);

        bulkhead.reconfigure(bulkhead.config().toBuilder().adaptive(aimd(1, 0.8).enabled(true).build()).build());
        assertThat(bulkhead.concurrencyLimit()).as("an adaptive value changed").isEqualTo(20);
    }

    @Test
    void reconfigureStartsAgainFromMaxConcurrentCalls() {
        Bulkhead bulkhead = bulkhead(20, aimd(1, 0.5));
        slowCall(bulkhead);
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(10);

        bulkhead.reconfigure(bulkhead.config().toBuilder().maxConcurrentCalls(30).build());
        assertThat(bulkhead.concurrencyLimit()).isEqualTo(30);

        bulkhead.reconfigure(BulkheadConfig.builder().maxConcurrentCalls(8).build());
        slowCall(bulkhead);
        assertThat(bulkhead.concurrencyLimit()).as("adaptation off").isEqualTo(8);
    }
}
