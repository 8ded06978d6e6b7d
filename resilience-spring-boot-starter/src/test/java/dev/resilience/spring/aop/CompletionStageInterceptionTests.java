package dev.resilience.spring.aop;

import static dev.resilience.spring.aop.FakeBreakers.breaker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CompletionStageInterceptionTests {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class)
            .withBean(AsyncClient.class);

    @Test
    void recordsTheOutcomeWhenTheFutureCompletesNotWhenTheMethodReturns() {
        runner.run(context -> {
            AsyncClient client = context.getBean(AsyncClient.class);
            CompletableFuture<String> pending = new CompletableFuture<>();
            client.willReturn(pending);

            CompletableFuture<String> result = client.fetch();

            FakeCircuitBreaker breaker = breaker(context.getBean(InstanceRegistry.class), "async");
            assertThat(breaker.permits).hasValue(1);
            assertThat(breaker.outcomes()).isZero();
            assertThat(result).isNotDone();

            pending.complete("value");

            assertThat(result).isCompletedWithValue("value");
            assertThat(breaker.results).hasValue(1);
            assertThat(breaker.lastResult).isEqualTo("value");
        });
    }

    @Test
    void measuresTheCallUntilTheFutureCompletes() {
        runner.run(context -> {
            AsyncClient client = context.getBean(AsyncClient.class);
            CompletableFuture<String> pending = new CompletableFuture<>();
            client.willReturn(pending);
            client.fetch();

            context.getBean(ManualClock.class).advance(Duration.ofSeconds(3));
            pending.complete("late");

            assertThat(breaker(context.getBean(InstanceRegistry.class), "async").lastDurationNanos)
                    .isEqualTo(Duration.ofSeconds(3).toNanos());
        });
    }

    @Test
    void recordsAFailedFutureAsAFailureOfItsUnwrappedCause() {
        runner.run(context -> {
            AsyncClient client = context.getBean(AsyncClient.class);
            CompletableFuture<String> pending = new CompletableFuture<>();
            client.willReturn(pending);
            CompletableFuture<String> result = client.fetch();
            IOException failure = new IOException("connection reset");

            pending.completeExceptionally(failure);

            assertThat(breaker(context.getBean(InstanceRegistry.class), "async").lastError).isSameAs(failure);
            assertThat(result).failsWithin(BOUND).withThrowableThat().withCause(failure);
        });
    }

    @Test
    void deliversARejectionThroughTheFutureWithoutReachingTheMethod() {
        runner.run(context -> {
            AsyncClient client = context.getBean(AsyncClient.class);
            for (int i = 0; i < FakeBreakers.THRESHOLD; i++) {
                client.willReturn(CompletableFuture.failedFuture(new IOException("down")));
                assertThat(client.fetch()).isCompletedExceptionally();
            }

            CompletableFuture<String> rejected = client.fetch();

            assertThat(rejected).failsWithin(BOUND).withThrowableThat().withCauseInstanceOf(CircuitBreakerOpenException.class);
            assertThat(client.calls()).hasValue(FakeBreakers.THRESHOLD);
        });
    }

    @Test
    void turnsAnExceptionThrownByTheMethodIntoAFailedFuture() {
        runner.run(context -> {
            CompletableFuture<String> result = context.getBean(AsyncClient.class).throwing();

            assertThat(result).failsWithin(BOUND).withThrowableThat().withCauseInstanceOf(IllegalStateException.class);
            assertThat(breaker(context.getBean(InstanceRegistry.class), "throwing").lastError)
                    .isInstanceOf(IllegalStateException.class).hasMessage("thrown before any future");
        });
    }

    @Test
    void turnsANullStageIntoAFailedFuture() {
        runner.run(context -> {
            CompletableFuture<String> result = context.getBean(AsyncClient.class).nothing();

            assertThat(result).failsWithin(BOUND).withThrowableThat().havingCause().isInstanceOf(NullPointerException.class)
                    .withMessage("AsyncClient.nothing() returned null instead of a CompletionStage");
        });
    }

    @Test
    void supportsMethodsDeclaredToReturnACompletionStage() {
        runner.run(context -> {
            CompletionStage<String> result = context.getBean(AsyncClient.class).stage();

            assertThat(result.toCompletableFuture().get()).isEqualTo("stage");
            assertThat(breaker(context.getBean(InstanceRegistry.class), "stage").lastResult).isEqualTo("stage");
        });
    }

    static class AsyncClient {
        private final AtomicInteger calls = new AtomicInteger();
        private volatile CompletableFuture<String> next;

        public void willReturn(CompletableFuture<String> future) {
            this.next = future;
        }

        public AtomicInteger calls() {
            return calls;
        }

        @CircuitBreaker(name = "async")
        public CompletableFuture<String> fetch() {
            calls.incrementAndGet();
            return next;
        }

        @CircuitBreaker(name = "stage")
        public CompletionStage<String> stage() {
            return CompletableFuture.completedFuture("stage");
        }

        @CircuitBreaker(name = "throwing")
        public CompletableFuture<String> throwing() {
            throw new IllegalStateException("thrown before any future");
        }

        @CircuitBreaker(name = "nothing")
        public CompletableFuture<String> nothing() {
            return null;
        }
    }
}
