package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * {@code @Bulkhead} beans against the whole starter: bulkheads configured from {@code resilience.bulkhead.*}
 * by {@link ResilienceAutoConfiguration}, queue waits ended by a {@link ManualClock}. Calls are held inside
 * the method with latches, so the number of running calls is known exactly.
 */
class BulkheadEndToEndTests {

    private static final String BH = "resilience.bulkhead.";
    private static final long BOUND_SECONDS = 10;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceAopAutoConfiguration.class))
            .withBean(ManualClock.class)
            .withBean(Reports.class)
            .withPropertyValues(
                    BH + "instances.reports.max-concurrent-calls=2",
                    BH + "instances.queued.max-concurrent-calls=1",
                    BH + "instances.queued.max-queue-size=1",
                    BH + "instances.queued.max-wait-duration=2s",
                    BH + "instances.async.max-concurrent-calls=1",
                    BH + "instances.async-queued.max-concurrent-calls=1",
                    BH + "instances.async-queued.max-queue-size=1",
                    BH + "instances.async-queued.max-wait-duration=5s",
                    BH + "instances.tenants.max-concurrent-calls=1",
                    BH + "instances.tenants.max-keys=2");

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void rejectsTheCallBeyondMaxConcurrentCallsWithQueueFullWithoutReachingTheMethod() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            Gate gate = new Gate(2);
            List<Future<String>> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(threads.submit(() -> reports.render(gate)));
            }
            gate.awaitEntered();

            assertThatThrownBy(() -> reports.render(new Gate(0))).isInstanceOfSatisfying(BulkheadFullException.class, full -> {
                assertThat(full.getName()).isEqualTo("reports");
                assertThat(full.getReason()).isEqualTo(BulkheadFullException.Reason.QUEUE_FULL);
            });
            assertThat(reports.calls()).hasValue(2);

            gate.open();
            for (Future<String> call : held) {
                assertThat(call.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("report");
            }
            assertThat(bulkhead(context, "reports").snapshot().activeCalls()).isZero();
            assertThat(bulkhead(context, "reports").snapshot().queueFullCalls()).isEqualTo(1);
            assertThat(reports.render(new Gate(0))).as("a freed slot admits again").isEqualTo("report");
        });
    }

    @Test
    void queuedCallTimesOutWithQueueTimeoutWhenTheClockPassesMaxWaitDuration() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            Bulkhead bulkhead = bulkhead(context, "queued");
            Gate gate = new Gate(1);
            Future<String> holder = threads.submit(() -> reports.queued(gate));
            gate.awaitEntered();
            Future<String> waiter = threads.submit(() -> reports.queued(new Gate(0)));
            await().atMost(Duration.ofSeconds(BOUND_SECONDS)).until(() -> bulkhead.snapshot().queuedCalls() == 1);

            context.getBean(ManualClock.class).advance(Duration.ofSeconds(2));

            assertThatThrownBy(() -> waiter.get(BOUND_SECONDS, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(BulkheadFullException.class,
                            full -> assertThat(full.getReason()).isEqualTo(BulkheadFullException.Reason.QUEUE_TIMEOUT));
            assertThat(reports.calls()).as("the timed-out caller never ran").hasValue(1);
            gate.open();
            assertThat(holder.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("report");
            assertThat(bulkhead.snapshot().queueTimeoutCalls()).isEqualTo(1);
        });
    }

    @Test
    void queuedCallRunsWhenTheRunningOneReleasesItsSlotBeforeTheWaitEnds() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            Gate gate = new Gate(1);
            Future<String> holder = threads.submit(() -> reports.queued(gate));
            gate.awaitEntered();
            Future<String> waiter = threads.submit(() -> reports.queued(new Gate(0)));
            await().atMost(Duration.ofSeconds(BOUND_SECONDS)).until(() -> bulkhead(context, "queued").snapshot().queuedCalls() == 1);
            context.getBean(ManualClock.class).advance(Duration.ofSeconds(1));

            gate.open();

            assertThat(holder.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("report");
            assertThat(waiter.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("report");
            assertThat(reports.calls()).hasValue(2);
        });
    }

    @Test
    void futureMethodHoldsItsSlotUntilTheReturnedFutureCompletes() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            Bulkhead bulkhead = bulkhead(context, "async");
            CompletableFuture<String> pending = new CompletableFuture<>();

            CompletableFuture<String> first = reports.async(pending);
            assertThat(first).isNotDone();
            assertThat(bulkhead.snapshot().activeCalls()).as("the method returned, the future is pending").isEqualTo(1);

            CompletableFuture<String> second = reports.async(CompletableFuture.completedFuture("never"));
            assertThat(second).failsWithin(Duration.ofSeconds(BOUND_SECONDS)).withThrowableThat()
                    .havingCause().isInstanceOfSatisfying(BulkheadFullException.class,
                            full -> assertThat(full.getReason()).isEqualTo(BulkheadFullException.Reason.QUEUE_FULL));
            assertThat(reports.calls()).hasValue(1);

            pending.complete("done");

            assertThat(first).isCompletedWithValue("done");
            assertThat(bulkhead.snapshot().activeCalls()).isZero();
            assertThat(reports.async(CompletableFuture.completedFuture("again"))).isCompletedWithValue("again");
        });
    }

    @Test
    void failedFutureGivesTheSlotBackToo() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            CompletableFuture<String> pending = new CompletableFuture<>();
            CompletableFuture<String> call = reports.async(pending);

            pending.completeExceptionally(new IllegalStateException("render failed"));

            assertThat(call).isCompletedExceptionally();
            assertThat(bulkhead(context, "async").snapshot().activeCalls()).isZero();
        });
    }

    @Test
    void queuedFutureCallNeitherBlocksTheCallerNorStartsBeforeItGetsASlot() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            CompletableFuture<String> pending = new CompletableFuture<>();
            CompletableFuture<String> first = reports.asyncQueued(pending);

            CompletableFuture<String> second = reports.asyncQueued(CompletableFuture.completedFuture("second"));

            assertThat(second).as("returned at once, waiting in the queue").isNotDone();
            assertThat(reports.calls()).hasValue(1);
            assertThat(bulkhead(context, "async-queued").snapshot().queuedCalls()).isEqualTo(1);

            pending.complete("first");

            assertThat(first).isCompletedWithValue("first");
            assertThat(second).isCompletedWithValue("second");
            assertThat(reports.calls()).hasValue(2);
            assertThat(bulkhead(context, "async-queued").snapshot().activeCalls()).isZero();
        });
    }

    @Test
    void cancellingAQueuedFutureCallLeavesTheQueueAndNeverStartsIt() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            CompletableFuture<String> pending = new CompletableFuture<>();
            reports.asyncQueued(pending);
            CompletableFuture<String> second = reports.asyncQueued(CompletableFuture.completedFuture("second"));

            second.cancel(false);
            pending.complete("first");

            assertThat(reports.calls()).hasValue(1);
            assertThat(bulkhead(context, "async-queued").snapshot())
                    .satisfies(s -> assertThat(s.queuedCalls()).isZero(), s -> assertThat(s.activeCalls()).isZero());
        });
    }

    @Test
    void keyedBulkheadsIsolateTenants() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            Gate gate = new Gate(1);
            Future<String> tenantA = threads.submit(() -> reports.forTenant("a", gate));
            gate.awaitEntered();

            assertThat(reports.forTenant("b", new Gate(0))).as("another tenant has its own slot").isEqualTo("b");
            assertThatThrownBy(() -> reports.forTenant("a", new Gate(0))).isInstanceOfSatisfying(BulkheadFullException.class,
                    full -> assertThat(full.getName()).isEqualTo("tenants[a]"));

            gate.open();
            assertThat(tenantA.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("a");
        });
    }

    @Test
    void keyedBulkheadsAreBoundedByMaxKeys() {
        runner.run(context -> {
            Reports reports = context.getBean(Reports.class);
            for (String tenant : List.of("a", "b", "c")) {
                reports.forTenant(tenant, new Gate(0));
            }

            InstanceRegistry<?> registry = registry(context);
            assertThat(registry.all().keySet()).filteredOn(id -> id.name().equals("tenants") && id.key() != null)
                    .extracting(InstanceId::displayName).containsExactlyInAnyOrder("tenants[b]", "tenants[c]");
        });
    }

    private static InstanceRegistry<?> registry(ApplicationContext context) {
        return context.getBean("bulkheadRegistry", InstanceRegistry.class);
    }

    private static Bulkhead bulkhead(ApplicationContext context, String name) {
        return (Bulkhead) registry(context).find(new InstanceId(name, null)).orElseThrow();
    }

    /** Holds calls inside the method: counts them in, lets them out together. */
    static final class Gate {
        private final CountDownLatch entered;
        private final CountDownLatch exit = new CountDownLatch(1);

        Gate(int calls) {
            entered = new CountDownLatch(calls);
            if (calls == 0) {
                exit.countDown();
            }
        }

        void pass() throws InterruptedException {
            entered.countDown();
            assertThat(exit.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("gate opened in time").isTrue();
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("calls entered in time").isTrue();
        }

        void open() {
            exit.countDown();
        }
    }

    static class Reports {
        private final AtomicInteger calls = new AtomicInteger();

        public AtomicInteger calls() {
            return calls;
        }

        @dev.resilience.annotation.Bulkhead(name = "reports")
        public String render(Gate gate) throws InterruptedException {
            calls.incrementAndGet();
            gate.pass();
            return "report";
        }

        @dev.resilience.annotation.Bulkhead(name = "queued")
        public String queued(Gate gate) throws InterruptedException {
            calls.incrementAndGet();
            gate.pass();
            return "report";
        }

        @dev.resilience.annotation.Bulkhead(name = "async")
        public CompletableFuture<String> async(CompletableFuture<String> result) {
            calls.incrementAndGet();
            return result;
        }

        @dev.resilience.annotation.Bulkhead(name = "async-queued")
        public CompletableFuture<String> asyncQueued(CompletableFuture<String> result) {
            calls.incrementAndGet();
            return result;
        }

        @dev.resilience.annotation.Bulkhead(name = "tenants", key = "#tenant")
        public String forTenant(String tenant, Gate gate) throws InterruptedException {
            gate.pass();
            return tenant;
        }
    }
}
