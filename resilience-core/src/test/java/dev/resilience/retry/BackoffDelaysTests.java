package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffDelaysTests {

    private static final DoubleSupplier NO_RANDOM = () -> {
        throw new AssertionError("jitter 0 must not draw random numbers");
    };

    private static long[] delaysMillis(RetryConfig.Builder config, DoubleSupplier random, int retries) {
        BackoffDelays delays = new BackoffDelays(config.build(), random);
        return IntStream.rangeClosed(1, retries).mapToLong(n -> delays.delayNanos(n) / 1_000_000L).toArray();
    }

    private static RetryConfig.Builder noJitter(Backoff backoff) {
        return RetryConfig.builder().backoff(backoff).jitter(0).waitDuration(Duration.ofMillis(500));
    }

    @Test
    void exponentialMultipliesTheWaitBeforeEachRetry() {
        assertThat(delaysMillis(noJitter(Backoff.EXPONENTIAL).multiplier(2), NO_RANDOM, 4))
                .containsExactly(500, 1000, 2000, 4000);
        assertThat(delaysMillis(noJitter(Backoff.EXPONENTIAL).multiplier(1.5), NO_RANDOM, 3))
                .containsExactly(500, 750, 1125);
    }

    @Test
    void linearWaitsWaitDurationTimesTheRetryNumber() {
        assertThat(delaysMillis(noJitter(Backoff.LINEAR).multiplier(7), NO_RANDOM, 4))
                .containsExactly(500, 1000, 1500, 2000);
    }

    @Test
    void fixedWaitsTheSameBeforeEveryRetry() {
        assertThat(delaysMillis(noJitter(Backoff.FIXED), NO_RANDOM, 3)).containsExactly(500, 500, 500);
    }

    @Test
    void maxWaitDurationCapsEachWait() {
        assertThat(delaysMillis(noJitter(Backoff.EXPONENTIAL).maxWaitDuration(Duration.ofMillis(1500)), NO_RANDOM, 5))
                .containsExactly(500, 1000, 1500, 1500, 1500);
        assertThat(delaysMillis(noJitter(Backoff.LINEAR).maxWaitDuration(Duration.ofMillis(1200)), NO_RANDOM, 3))
                .containsExactly(500, 1000, 1200);
    }

    @Test
    void exponentialBackoffNeverOverflowsOverManyRetries() {
        BackoffDelays delays = new BackoffDelays(noJitter(Backoff.EXPONENTIAL).multiplier(10)
                .maxWaitDuration(Duration.ofDays(365_000_000L)).build(), NO_RANDOM);

        assertThat(delays.delayNanos(1_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void jitterDrawsEachWaitUniformlyFromPlusMinusJitter() {
        RetryConfig.Builder config = noJitter(Backoff.FIXED).waitDuration(Duration.ofSeconds(1)).jitter(0.2);

        assertThat(delaysMillis(config, () -> 0.0, 1)).containsExactly(800);
        assertThat(delaysMillis(config, () -> 0.5, 1)).containsExactly(1000);
        assertThat(delaysMillis(config, () -> 0.75, 1)).containsExactly(1100);
        assertThat(delaysMillis(config, () -> 0.999_999, 1)).containsExactly(1199);
    }

    @Test
    void jitterAppliesToEachBackoffKind() {
        DoubleSupplier quarter = () -> 0.25;

        assertThat(delaysMillis(noJitter(Backoff.EXPONENTIAL).jitter(0.4), quarter, 3)).containsExactly(400, 800, 1600);
        assertThat(delaysMillis(noJitter(Backoff.LINEAR).jitter(0.4), quarter, 3)).containsExactly(400, 800, 1200);
    }

    @Test
    void jitteredWaitsStayWithinTheCap() {
        RetryConfig.Builder config = noJitter(Backoff.FIXED).waitDuration(Duration.ofSeconds(1)).jitter(0.5)
                .maxWaitDuration(Duration.ofMillis(1100));

        assertThat(delaysMillis(config, () -> 0.99, 1)).containsExactly(1100);
        assertThat(delaysMillis(config, () -> 0.0, 1)).containsExactly(500);
    }

    @Test
    void zeroWaitGivesImmediateRetries() {
        assertThat(delaysMillis(noJitter(Backoff.EXPONENTIAL).waitDuration(Duration.ZERO), NO_RANDOM, 3))
                .containsExactly(0, 0, 0);
    }
}
