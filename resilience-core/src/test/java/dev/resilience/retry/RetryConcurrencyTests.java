package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class RetryConcurrencyTests {

    private static final int THREADS = 8;
    private static final int CALLS = 2_000;

    private final ManualClock clock = new ManualClock();

    /** How call {@code j} of thread {@code i} behaves: 0-3 = fails that many times (3 = always), 4 = not retryable. */
    private static int scenario(int thread, int call) {
        return (thread * 7 + call) % 5;
    }

    @ParameterizedTest
    @MethodSource("dev.resilience.testing.ThreadKind#available")
    void statisticsAddUpUnderConcurrentUse(ThreadKind kind) {
        Retry retry = Retry.of("inventory", RetryConfig.builder().maxAttempts(3).waitDuration(Duration.ZERO).build(),
                clock, clock);

        Concurrently.run(kind, THREADS, Duration.ofSeconds(30), thread -> {
            for (int call = 0; call < CALLS; call++) {
                int failures = scenario(thread, call);
                int[] attempts = { 0 };
                try {
                    retry.get(() -> {
                        attempts[0]++;
                        if (failures == 4) {
                            throw new AssertionError("not retryable");
                        }
                        if (attempts[0] <= failures) {
                            throw new IllegalStateException("attempt " + attempts[0]);
                        }
                        return attempts[0];
                    });
                } catch (IllegalStateException | AssertionError expected) {
                    // the expected failures of scenarios 3 and 4
                }
            }
        });

        long[] expected = new long[5];
        for (int thread = 0; thread < THREADS; thread++) {
            for (int call = 0; call < CALLS; call++) {
                switch (scenario(thread, call)) {
                    case 0 -> expected[0]++;
                    case 1, 2 -> expected[1]++;
                    case 3 -> expected[3]++;
                    default -> expected[2]++;
                }
                expected[4] += Math.min(scenario(thread, call) % 4, 2);
            }
        }
        assertThat(retry.snapshot())
                .isEqualTo(new RetrySnapshot(expected[0], expected[1], expected[2], expected[3], expected[4]));
    }

    @ParameterizedTest
    @MethodSource("dev.resilience.testing.ThreadKind#available")
    void theBudgetNeverAdmitsMoreRetriesThanItAllowsUnderConcurrentUse(ThreadKind kind) {
        double ratio = 0.1;
        double minPerSecond = 1;
        Retry retry = Retry.of("inventory", RetryConfig.builder().maxAttempts(3).waitDuration(Duration.ZERO)
                .budgetRatio(ratio).budgetMinRetriesPerSecond(minPerSecond).build(), clock, clock);

        Concurrently.run(kind, THREADS, Duration.ofSeconds(30), thread -> {
            for (int call = 0; call < CALLS; call++) {
                try {
                    retry.run(() -> {
                        throw new IllegalStateException("down");
                    });
                } catch (IllegalStateException expected) {
                    // every call fails; only the retry count matters
                }
            }
        });

        RetrySnapshot snapshot = retry.snapshot();
        long firstAttempts = (long) THREADS * CALLS;
        assertThat(snapshot.calls()).isEqualTo(firstAttempts);
        assertThat(snapshot.retries()).isLessThanOrEqualTo((long) (ratio * firstAttempts + minPerSecond * 10))
                .isGreaterThan((long) (ratio * firstAttempts / 2));
    }
}
