package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Retry;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Backoff;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.context.ContextPropagator;
import dev.resilience.time.ManualClock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller's MDC, Spring Security context and current Micrometer {@link Observation} (the tracing
 * context: Micrometer Tracing puts spans in scope through it; here a real {@code ObservationRegistry}
 * with a handler, propagated by micrometer-observation's own {@code ObservationThreadLocalAccessor})
 * reach the method on every attempt, the fallback, and queued bulkhead continuations, whichever thread
 * the library runs them on. The "other" thread carries a context of its own, which it gets back after.
 */
class ContextPropagationTests {

    private final ManualClock clock = new ManualClock();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void observationsAreRecorded() throws Exception {
        observations.observationConfig().observationHandler(context -> true);
        ObservationThreadLocalAccessor.getInstance().setObservationRegistry(observations);
        other.submit(() -> {
            MDC.put("user", "other");
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("other", "n/a"));
        }).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void cleanUp() {
        other.shutdownNow();
        MDC.clear();
        SecurityContextHolder.clearContext();
    }

    @Test
    void asyncRetryAttemptsOnTheSchedulerThreadSeeTheCallersContext() throws Exception {
        Target target = proxy(ContextPropagator.detect(getClass().getClassLoader()));
        Observation observation = Observation.start("checkout", observations);

        CompletableFuture<String> result = asCaller("alice", observation, () -> target.retried(2));
        other.submit(() -> {
            clock.advance(Duration.ofSeconds(1));
            clock.advance(Duration.ofSeconds(1));
        }).get(5, TimeUnit.SECONDS);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(seen).hasSize(3).allSatisfy(s -> assertThat(s).isEqualTo(new Seen("alice", "alice", observation)));
        String otherThread = other.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertThat(seen).extracting(Seen::thread).as("the two retries ran on the thread that moved the clock")
                .containsExactly(Thread.currentThread().getName(), otherThread, otherThread);
        assertThat(other.submit(() -> Seen.now(observations)).get(5, TimeUnit.SECONDS))
                .as("the scheduler thread has its own context back").isEqualTo(new Seen("other", "other", null));
    }

    @Test
    void withoutPropagationTheRetryRunsInTheSchedulerThreadsContext() throws Exception {
        Target target = proxy(ContextPropagator.none());

        CompletableFuture<String> result = asCaller("alice", null, () -> target.retried(1));
        other.submit(() -> clock.advance(Duration.ofSeconds(1))).get(5, TimeUnit.SECONDS);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(seen).extracting(Seen::user).containsExactly("alice", "other");
    }

    @Test
    void fallbackAfterAFailureCompletedOnAnotherThreadSeesTheCallersContext() throws Exception {
        Target target = proxy(ContextPropagator.detect(getClass().getClassLoader()));
        CompletableFuture<String> failing = new CompletableFuture<>();
        Observation observation = Observation.start("checkout", observations);

        CompletableFuture<String> result = asCaller("alice", observation, () -> target.recovered(failing));
        other.submit(() -> failing.completeExceptionally(new IllegalStateException("down"))).get(5, TimeUnit.SECONDS);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("fallback");
        assertThat(seen).containsExactly(new Seen("alice", "alice", observation));
    }

    @Test
    void queuedBulkheadCallStartsInItsOwnCallersContextOnTheReleasingThread() throws Exception {
        Target target = proxy(ContextPropagator.detect(getClass().getClassLoader()));
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = CompletableFuture.completedFuture("second");

        CompletableFuture<String> firstResult = asCaller("alice", null, () -> target.bulkheaded(first));
        CompletableFuture<String> secondResult = asCaller("bob", null, () -> target.bulkheaded(second));
        assertThat(seen).extracting(Seen::user).containsExactly("alice");
        other.submit(() -> first.complete("first")).get(5, TimeUnit.SECONDS);

        assertThat(firstResult.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(secondResult.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(seen).extracting(Seen::user).containsExactly("alice", "bob");
        assertThat(seen).extracting(Seen::principal).containsExactly("alice", "bob");
    }

    @Test
    void synchronousRetriesRunOnTheCallersThread() throws Exception {
        Target target = proxy(ContextPropagator.detect(getClass().getClassLoader()));
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread caller = new Thread(() -> result.complete(asCaller("alice", null, () -> target.retriedSync(2))));
        caller.start();
        // the caller blocks between attempts until the clock moves past the wait
        for (int retry = 0; retry < 2; retry++) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(clock::pendingTasks, n -> n > 0);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(seen).hasSize(3).extracting(Seen::thread).containsOnly(caller.getName());
        assertThat(seen).extracting(Seen::user).containsOnly("alice");
    }

    private <T> T asCaller(String user, Observation observation, java.util.function.Supplier<T> call) {
        MDC.put("user", user);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a"));
        Observation.Scope scope = observation != null ? observation.openScope() : null;
        try {
            return call.get();
        } finally {
            if (scope != null) {
                scope.close();
            }
            MDC.clear();
            SecurityContextHolder.clearContext();
        }
    }

    private Target proxy(ContextPropagator context) {
        RetryConfig retryConfig = RetryConfig.builder().maxAttempts(3).backoff(Backoff.FIXED).waitDuration(Duration.ofSeconds(1)).jitter(0)
                .build();
        InstanceRegistry<dev.resilience.retry.Retry> retries = new InstanceRegistry<>(
                id -> dev.resilience.retry.Retry.of(id.displayName(), retryConfig, clock, clock), name -> 1);
        BulkheadConfig bulkheadConfig = BulkheadConfig.builder().maxConcurrentCalls(1).maxQueueSize(1)
                .maxWaitDuration(Duration.ofMinutes(1)).build();
        InstanceRegistry<dev.resilience.bulkhead.Bulkhead> bulkheads = new InstanceRegistry<>(
                id -> dev.resilience.bulkhead.Bulkhead.of(id.displayName(), bulkheadConfig, clock, clock), name -> 1);
        ProxyFactory factory = new ProxyFactory(new Target(seen, observations));
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new ResilienceAdvisor(List.of(
                new RetryLayer.Factory(() -> retries, () -> clock, context),
                new BulkheadLayer.Factory(() -> bulkheads, context),
                new FallbackLayer.Factory(type -> {
                    throw new AssertionError("no handler expected");
                }, context))));
        return (Target) factory.getProxy();
    }

    /** What a method saw: the MDC user, the authenticated principal, the current observation, its thread. */
    record Seen(String user, String principal, Observation observation, String thread) {

        Seen(String user, String principal, Observation observation) {
            this(user, principal, observation, null);
        }

        static Seen now(ObservationRegistry observations) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return new Seen(MDC.get("user"), authentication != null ? authentication.getName() : null,
                    observations.getCurrentObservation(), Thread.currentThread().getName());
        }

        @Override
        public boolean equals(Object other) {
            // the thread is reported, not compared
            return other instanceof Seen that && java.util.Objects.equals(user, that.user)
                    && java.util.Objects.equals(principal, that.principal) && observation == that.observation;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(user, principal);
        }
    }

    static class Target {
        private final Queue<Seen> seen;
        private final ObservationRegistry observations;
        private int failuresLeft = -1;

        Target() {
            this(null, null);
        }

        Target(Queue<Seen> seen, ObservationRegistry observations) {
            this.seen = seen;
            this.observations = observations;
        }

        @Retry(name = "retried")
        public CompletableFuture<String> retried(int failures) {
            seen.add(Seen.now(observations));
            if (failuresLeft < 0) {
                failuresLeft = failures;
            }
            if (failuresLeft-- > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("attempt failed"));
            }
            return CompletableFuture.completedFuture("ok");
        }

        @Retry(name = "retriedSync")
        public String retriedSync(int failures) {
            seen.add(Seen.now(observations));
            if (failuresLeft < 0) {
                failuresLeft = failures;
            }
            if (failuresLeft-- > 0) {
                throw new IllegalStateException("attempt failed");
            }
            return "ok";
        }

        @Fallback(method = "recover")
        public CompletableFuture<String> recovered(CompletableFuture<String> outcome) {
            return outcome;
        }

        private CompletableFuture<String> recover(CompletableFuture<String> outcome, IllegalStateException failure) {
            seen.add(Seen.now(observations));
            return CompletableFuture.completedFuture("fallback");
        }

        @Bulkhead(name = "bulkheaded")
        public CompletableFuture<String> bulkheaded(CompletableFuture<String> outcome) {
            seen.add(Seen.now(observations));
            return outcome;
        }
    }
}
