package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.testing.Allocations;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A call whose first attempt succeeds allocates nothing in the retry: the per-call context is made only
 * when an attempt fails. 100,000 calls per round; less than 1 KiB in all is "nothing" (a context per call
 * would be 4 MB).
 */
class RetryAllocationTests {

    private static final int CALLS = 100_000;
    private static final long NOTHING = 1024;

    private final ManualClock clock = new ManualClock();
    private final IOException failure = new IOException("once");
    private int attempts;

    private Retry retry(RetryConfig.Builder config) {
        return Retry.of("hot", config.waitDuration(Duration.ZERO).jitter(0).build(), clock, clock, () -> 0.5);
    }

    /** Runs a call that fails once, so that the failure path is compiled too, as it is in a live application. */
    private void failOnce(Retry retry) throws Exception {
        attempts = 0;
        retry.call(() -> {
            if (attempts++ == 0) {
                throw failure;
            }
            return "ok";
        });
    }

    @Test
    void aFirstAttemptSuccessThroughCallAllocatesNothing() throws Exception {
        Retry retry = retry(RetryConfig.builder());
        for (int i = 0; i < 1_000; i++) {
            failOnce(retry);
        }

        long bytes = Allocations.bytesAllocated(CALLS, () -> {
            try {
                retry.call(() -> "ok");
            } catch (Exception unexpected) {
                throw new AssertionError(unexpected);
            }
        });

        assertThat(bytes).isLessThan(NOTHING);
        assertThat(retry.snapshot().successfulWithoutRetry()).isEqualTo(4L * CALLS);
    }

    @Test
    void aFirstAttemptSuccessThroughGetAllocatesNothing() throws Exception {
        Retry retry = retry(RetryConfig.builder());
        for (int i = 0; i < 1_000; i++) {
            failOnce(retry);
            attempts = 0;
            retry.get(() -> {
                if (attempts++ == 0) {
                    throw new IllegalStateException("once");
                }
                return "ok";
            });
        }

        long bytes = Allocations.bytesAllocated(CALLS, () -> retry.get(() -> "ok"));

        assertThat(bytes).isLessThan(NOTHING);
        assertThat(retry.snapshot().successfulWithoutRetry()).isEqualTo(4L * CALLS);
    }

    @Test
    void aFirstAttemptSuccessThroughRunAllocatesNothing() throws Exception {
        Retry retry = retry(RetryConfig.builder());
        Runnable succeeds = () -> { };
        for (int i = 0; i < 1_000; i++) {
            attempts = 0;
            retry.run(() -> {
                if (attempts++ == 0) {
                    throw new IllegalStateException("once");
                }
            });
        }

        long bytes = Allocations.bytesAllocated(CALLS, () -> retry.run(succeeds));

        assertThat(bytes).isLessThan(NOTHING);
        assertThat(retry.snapshot().successfulWithoutRetry()).isEqualTo(4L * CALLS);
    }

    @Test
    void aFirstAttemptSuccessAllocatesNothingWithMaxDurationAndBudget() throws Exception {
        Retry retry = retry(RetryConfig.builder().maxDuration(Duration.ofSeconds(10)).budgetRatio(0.5)
                .budgetMinRetriesPerSecond(1_000_000));
        for (int i = 0; i < 1_000; i++) {
            failOnce(retry);
        }

        long bytes = Allocations.bytesAllocated(CALLS, () -> {
            try {
                retry.call(() -> "ok");
            } catch (Exception unexpected) {
                throw new AssertionError(unexpected);
            }
        });

        assertThat(bytes).isLessThan(NOTHING);
        assertThat(retry.snapshot().successfulWithoutRetry()).isEqualTo(4L * CALLS);
    }

    @Test
    void theMeasurementSeesTheContextOfARetriedCall() {
        Retry retry = retry(RetryConfig.builder());

        long bytes = Allocations.bytesAllocated(CALLS, () -> {
            try {
                failOnce(retry);
            } catch (Exception unexpected) {
                throw new AssertionError(unexpected);
            }
        });

        assertThat(bytes).as("a context and its failure list per retried call").isGreaterThan(CALLS * 16L);
        assertThat(retry.snapshot().successfulWithRetry()).isEqualTo(4L * CALLS);
    }
}
