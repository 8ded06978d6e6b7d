package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.TimeoutExceededException;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Backoff;
import dev.resilience.retry.RetryConfig;
import dev.resilience.spring.aop.ContextPropagationTests.Seen;
import dev.resilience.spring.context.ContextPropagator;
import dev.resilience.time.ManualClock;
import dev.resilience.timeout.TimeoutConfig;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The caller's MDC, Spring Security context and current Observation reach a {@code Mono} method's later
 * retry attempts, its reactive fallback and what follows a reactive timeout's deadline, although the
 * library runs them on another thread (the one that moves the manual clock, or that signals the failure).
 * The other thread carries a context of its own, which it gets back after. With Reactor's automatic
 * context propagation on, Reactor restores the context and the library captures nothing.
 */
class ReactiveContextPropagationTests {

    private final ManualClock clock = new ManualClock();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final AtomicInteger captures = new AtomicInteger();

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
    void monoRetryAttemptOnTheSchedulerThreadSeesTheCallersContext() throws Exception {
        Target target = proxy(counting(ContextPropagator.detect(getClass().getClassLoader())));
        Observation observation = Observation.start("checkout", observations);

        CompletableFuture<String> result = asCaller("alice", observation, () -> target.retried(1).toFuture());
        other.submit(() -> clock.advance(Duration.ofSeconds(1))).get(5, TimeUnit.SECONDS);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).isEqualTo(new Seen("alice", "alice", observation)));
        assertThat(seen).extracting(Seen::thread).as("the retry ran on the thread that moved the clock")
                .containsExactly(Thread.currentThread().getName(), otherThreadName());
        assertThat(other.submit(() -> Seen.now(observations)).get(5, TimeUnit.SECONDS))
                .as("the scheduler thread has its own context back").isEqualTo(new Seen("other", "other", null));
    }

    @Test
    void fluxRetryAttemptOnTheSchedulerThreadSeesTheCallersContext() throws Exception {
        Target target = proxy(ContextPropagator.detect(getClass().getClassLoader()));
        Observation observation = Observation.start("checkout", observations);

        CompletableFuture<List<String>> result = asCaller("alice", observation,
                () -> target.retriedFlux(1).collectList().toFuture());
        other.submit(() -> clock.advance(Duration.ofSeconds(1))).get(5, TimeUnit.SECONDS);

        assertThat(result.get(5, TimeUnit.SECONDS)).containsExactly("a", "b");
        assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).isEqualTo(new Seen("alice", "alice", observation)));
        assertThat(seen).extracting(Seen::thread).last().isEqualTo(otherThreadName());
    }

    @Test
    void withoutPropagationTheMonoRetryRunsInTheSchedulerThreadsContext() throws Exception {
        Target target = proxy(ContextPropagator.none());

        CompletableFuture<String> result = asCaller("alice", null, () -> target.retried(1).toFuture());
        other.submit(() -> clock.advance(Duration.ofSeconds(1))).get(5, TimeUnit.SECONDS);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(seen).extracting(Seen::user).containsExactly("alice", "other");
        assertThat(seen).extracting(Seen::principal).containsExactly("alice", "other");
    }

    @Test
    void reactiveFallbackAfterAFailureSignalledOnAnotherThreadSeesTheCallersContext() throws Exception {
        Target target = proxy(counting(ContextPropagator.detect(getClass().getClassLoader())));
        Sinks.One<String> failing = Sinks.one();
        Observation observation = Observation.start("checkout", observations);

        CompletableFuture<String> result = asCaller("alice", observation, () -> target.recovered(failing.asMono()).toFuture());
        other.submit(() -> failing.tryEmitError(new IllegalStateException("down"))).get(5, TimeUnit.SECONDS);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("fallback");
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s).isEqualTo(new Seen("alice", "alice", observation));
            assertThat(s.thread()).isEqualTo(otherThreadName());
        });
        assertThat(other.submit(() -> Seen.now(observations)).get(5, TimeUnit.SECONDS))
                .isEqualTo(new Seen("other", "other", null));
    }

    @Test
    void reactiveTimeoutSignalsItsDeadlineInTheCallersContext() throws Exception {
        Target target = proxy(counting(ContextPropagator.detect(getClass().getClassLoader())));
        Observation observation = Observation.start("checkout", observations);

        CompletableFuture<String> result = asCaller("alice", observation, () -> target.timed()
                .doOnError(TimeoutExceededException.class, failure -> seen.add(Seen.now(observations))).toFuture());
        other.submit(() -> clock.advance(Duration.ofSeconds(2))).get(5, TimeUnit.SECONDS);

        assertThat(result).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                .withRootCauseInstanceOf(TimeoutExceededException.class);
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s).isEqualTo(new Seen("alice", "alice", observation));
            assertThat(s.thread()).isEqualTo(otherThreadName());
        });
    }

    @Test
    void withAutomaticContextPropagationReactorRestoresTheContextAndNothingIsCapturedTwice() throws Exception {
        Target target = proxy(counting(ContextPropagator.detect(getClass().getClassLoader())));
        Observation observation = Observation.start("checkout", observations);
        Hooks.enableAutomaticContextPropagation();
        try {
            CompletableFuture<String> result = new CompletableFuture<>();
            // block() copies the caller's thread locals into the Reactor context, as Reactor's automatic mode does
            Thread caller = new Thread(() -> result.complete(asCaller("alice", observation, () -> target.retried(1).block())));
            caller.start();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(clock::pendingTasks, n -> n > 0);
            other.submit(() -> clock.advance(Duration.ofSeconds(1))).get(5, TimeUnit.SECONDS);

            assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
            assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).isEqualTo(new Seen("alice", "alice", observation)));
            assertThat(seen).extracting(Seen::thread).last().isEqualTo(otherThreadName());
            assertThat(captures).as("the library left the restoring to Reactor").hasValue(0);
        } finally {
            Hooks.disableAutomaticContextPropagation();
        }
    }

    private String otherThreadName() throws Exception {
        return other.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
    }

    private ContextPropagator counting(ContextPropagator propagator) {
        return () -> {
            captures.incrementAndGet();
            return propagator.capture();
        };
    }

    private <T> T asCaller(String user, Observation observation, Supplier<T> call) {
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
        TimeoutConfig timeoutConfig = TimeoutConfig.builder().duration(Duration.ofSeconds(2)).build();
        InstanceRegistry<dev.resilience.timeout.Timeout> timeouts = new InstanceRegistry<>(
                id -> dev.resilience.timeout.Timeout.of(id.displayName(), timeoutConfig, clock, clock), name -> 1);
        ProxyFactory factory = new ProxyFactory(new Target(seen, observations));
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new ResilienceAdvisor(List.of(
                new RetryLayer.Factory(() -> retries, () -> clock, context),
                new TimeoutLayer.Factory(() -> timeouts, () -> {
                    throw new AssertionError("no @Timeout value to register");
                }, context),
                new FallbackLayer.Factory(type -> {
                    throw new AssertionError("no handler expected");
                }, context))));
        return (Target) factory.getProxy();
    }

    static class Target {
        private final Queue<Seen> seen;
        private final ObservationRegistry observations;
        private final AtomicInteger failuresLeft = new AtomicInteger(-1);

        Target() {
            this(null, null);
        }

        Target(Queue<Seen> seen, ObservationRegistry observations) {
            this.seen = seen;
            this.observations = observations;
        }

        @Retry(name = "retried")
        public Mono<String> retried(int failures) {
            seen.add(Seen.now(observations));
            failuresLeft.compareAndSet(-1, failures);
            if (failuresLeft.getAndDecrement() > 0) {
                return Mono.error(new IllegalStateException("attempt failed"));
            }
            return Mono.just("ok");
        }

        @Retry(name = "retriedFlux")
        public Flux<String> retriedFlux(int failures) {
            seen.add(Seen.now(observations));
            failuresLeft.compareAndSet(-1, failures);
            if (failuresLeft.getAndDecrement() > 0) {
                return Flux.error(new IllegalStateException("attempt failed"));
            }
            return Flux.just("a", "b");
        }

        @Fallback(method = "recover")
        public Mono<String> recovered(Mono<String> outcome) {
            return outcome;
        }

        private Mono<String> recover(Mono<String> outcome, IllegalStateException failure) {
            seen.add(Seen.now(observations));
            return Mono.just("fallback");
        }

        @Timeout(name = "timed")
        public Mono<String> timed() {
            return Mono.never();
        }
    }
}
