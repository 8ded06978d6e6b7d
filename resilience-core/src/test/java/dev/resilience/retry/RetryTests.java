package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.RateLimitExceededException;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.time.ManualClock;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTests {

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger calls = new AtomicInteger();

    private Retry retry(RetryConfig.Builder config) {
        return Retry.of("inventory", config.build(), clock, clock, () -> 0.5);
    }

    private static RetryConfig.Builder immediate() {
        return RetryConfig.builder().waitDuration(Duration.ZERO).jitter(0);
    }

    /** A call whose first {@code failures} attempts throw the given failures in turn, then returns "ok". */
    private Callable<String> failing(Exception... failures) {
        return () -> {
            int attempt = calls.getAndIncrement();
            if (attempt < failures.length) {
                throw failures[attempt];
            }
            return "ok";
        };
    }

    private static void awaitParked(ManualClock clock) {
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.pendingTasks() == 1);
    }

    @Test
    void successOnTheFirstAttemptIsNotRetried() throws Exception {
        Retry retry = retry(RetryConfig.builder());

        assertThat(retry.call(failing())).isEqualTo("ok");

        assertThat(calls).hasValue(1);
        assertThat(clock.pendingTasks()).isZero();
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(1, 0, 0, 0, 0));
    }

    @Test
    void waitsForEachBackoffDelayOnTheSchedulerBeforeRetrying() throws Exception {
        Retry retry = retry(RetryConfig.builder().jitter(0).waitDuration(Duration.ofMillis(500)));
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
            try {
                return retry.call(failing(new IOException("1"), new IOException("2")));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, runnable -> new Thread(runnable).start());

        awaitParked(clock);
        clock.advance(Duration.ofMillis(499));
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofMillis(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2 && clock.pendingTasks() == 1);
        clock.advance(Duration.ofMillis(999));
        assertThat(calls).hasValue(2);
        clock.advance(Duration.ofMillis(1));

        assertThat(result).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 1, 0, 0, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 5 })
    void makesMaxAttemptsAttemptsInAllTheFirstIncluded(int maxAttempts) {
        Retry retry = retry(immediate().maxAttempts(maxAttempts));

        assertThatThrownBy(() -> retry.call(failing(Stream.generate(() -> new IOException())
                .limit(10).toArray(Exception[]::new)))).isInstanceOf(IOException.class);

        assertThat(calls).hasValue(maxAttempts);
        assertThat(retry.snapshot().retries()).isEqualTo(maxAttempts - 1);
    }

    @Test
    void rethrowsTheLastFailureWithTheEarlierOnesSuppressedWhenAttemptsAreExhausted() {
        Retry retry = retry(immediate().maxAttempts(3));
        IOException first = new IOException("first");
        IOException second = new IOException("second");
        IOException third = new IOException("third");

        assertThatThrownBy(() -> retry.call(failing(first, second, third))).isSameAs(third);

        assertThat(third.getSuppressed()).containsExactly(first, second);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 0, 1, 2));
    }

    @Test
    void aFailureThrownAgainAndAgainIsNotSuppressedIntoItself() {
        Retry retry = retry(immediate().maxAttempts(3));
        IllegalStateException shared = new IllegalStateException("always the same");

        assertThatThrownBy(() -> retry.get(() -> {
            calls.incrementAndGet();
            throw shared;
        })).isSameAs(shared);

        assertThat(calls).hasValue(3);
        assertThat(shared.getSuppressed()).isEmpty();
    }

    @Test
    void retriesOnlyTheListedExceptionsAndTheirSubclasses() throws Exception {
        Retry retry = retry(immediate().retryExceptions(List.of(IOException.class)));

        assertThat(retry.call(failing(new FileNotFoundException()))).isEqualTo("ok");
        calls.set(0);
        assertThatThrownBy(() -> retry.call(failing(new IllegalStateException())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void ignoredExceptionsWinOverRetriedOnes() throws Exception {
        Retry retry = retry(immediate().retryExceptions(List.of(IOException.class))
                .ignoreExceptions(List.of(FileNotFoundException.class)));

        assertThatThrownBy(() -> retry.call(failing(new FileNotFoundException())))
                .isInstanceOf(FileNotFoundException.class);
        assertThat(calls).hasValue(1);
        calls.set(0);
        assertThat(retry.call(failing(new IOException()))).isEqualTo("ok");
        assertThat(calls).hasValue(2);
    }

    @Test
    void errorsAreNotRetriedUnlessListed() {
        Retry byDefault = retry(immediate());
        assertThatThrownBy(() -> byDefault.run(() -> {
            calls.incrementAndGet();
            throw new AssertionError("boom");
        })).isInstanceOf(AssertionError.class);
        assertThat(calls).hasValue(1);

        calls.set(0);
        Retry listed = retry(immediate().retryExceptions(List.of(Throwable.class)));
        assertThatThrownBy(() -> listed.run(() -> {
            calls.incrementAndGet();
            throw new AssertionError("boom");
        })).isInstanceOf(AssertionError.class);
        assertThat(calls).hasValue(3);
    }

    static List<RuntimeException> rejections() {
        return List.of(
                new CircuitBreakerOpenException("payments", CircuitBreakerState.OPEN, Duration.ofSeconds(5), false),
                new BulkheadFullException("payments", BulkheadFullException.Reason.QUEUE_FULL, false),
                new RateLimitExceededException("payments", Duration.ofMillis(100), false));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void neverRetriesARejectionEvenWhenRetryExceptionsListIt(RuntimeException rejection) {
        Retry retry = retry(immediate().retryExceptions(List.of(RuntimeException.class, rejection.getClass())));

        assertThatThrownBy(() -> retry.call(failing(rejection))).isSameAs(rejection);

        assertThat(calls).hasValue(1);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 1, 0, 0));
    }

    @Test
    void anOpenBreakerDuringRetriesReachesTheCallerWithTheEarlierFailuresSuppressed() {
        Retry retry = retry(immediate().maxAttempts(5));
        IOException first = new IOException("first");
        IOException second = new IOException("second");
        CircuitBreakerOpenException open = new CircuitBreakerOpenException("payments", CircuitBreakerState.OPEN,
                Duration.ofSeconds(30), false);

        assertThatThrownBy(() -> retry.call(failing(first, second, open))).isSameAs(open);

        assertThat(open.getSuppressed()).containsExactly(first, second);
        assertThat(calls).hasValue(3);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 0, 1, 2));
    }

    @Test
    void checkedExceptionsAreRethrownUnwrapped() {
        Retry retry = retry(immediate().maxAttempts(1));
        Exception checked = new Exception("checked");

        assertThatThrownBy(() -> retry.call(failing(checked))).isSameAs(checked);
    }

    @Test
    void getAndRunRetryUncheckedFailures() {
        Retry retry = retry(immediate());

        assertThat(retry.get(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new UncheckedIOException(new IOException());
            }
            return 42;
        })).isEqualTo(42);

        retry.run(() -> {
            if (calls.incrementAndGet() < 5) {
                throw new IllegalStateException();
            }
        });

        assertThat(calls).hasValue(5);
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 2, 0, 0, 3));
    }

    @Test
    void anInterruptDuringTheWaitEndsTheCallWithItsLastFailure() throws Exception {
        Retry retry = retry(RetryConfig.builder().jitter(0).waitDuration(Duration.ofSeconds(1)));
        IOException failure = new IOException("down");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                retry.call(failing(failure, failure));
            } catch (Throwable t) {
                thrown.set(t);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();

        awaitParked(clock);
        caller.interrupt();
        caller.join(5_000);

        assertThat(thrown.get()).isSameAs(failure);
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(clock.pendingTasks()).isZero();
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 1, 0, 0));
    }

    @Test
    void resetClearsTheStatistics() {
        Retry retry = retry(immediate());
        retry.get(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException();
            }
            return "ok";
        });
        assertThat(retry.snapshot().calls()).isEqualTo(1);

        retry.reset();

        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 0, 0, 0));
    }

    @Test
    void exposesItsNameAndConfiguration() {
        RetryConfig config = RetryConfig.builder().maxAttempts(7).build();
        Retry retry = Retry.of("inventory", config, clock, clock);

        assertThat(retry.name()).isEqualTo("inventory");
        assertThat(retry.config()).isSameAs(config);
    }
}
