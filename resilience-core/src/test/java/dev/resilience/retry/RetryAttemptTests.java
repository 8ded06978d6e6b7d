package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Retry#call(Object, Object, Retry.Attempt)}: an attempt given its inputs rather than capturing them. */
class RetryAttemptTests {

    private final ManualClock clock = new ManualClock();
    private final Retry retry = Retry.of("inventory",
            RetryConfig.builder().maxAttempts(3).waitDuration(Duration.ZERO).jitter(0).build(), clock, clock, () -> 0.5);
    private final List<String> seen = new ArrayList<>();

    private String stock(String sku, Integer failures) throws IOException {
        seen.add(sku);
        if (seen.size() <= failures) {
            throw new IOException("attempt " + seen.size());
        }
        return sku + " in stock";
    }

    @Test
    void everyAttemptIsGivenTheSameInputsUntilOneSucceeds() throws IOException {
        String result = retry.call("sku-1", 2, this::stock);

        assertThat(result).isEqualTo("sku-1 in stock");
        assertThat(seen).containsExactly("sku-1", "sku-1", "sku-1");
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 1, 0, 0, 2));
    }

    @Test
    void theLastFailureReachesTheCallerWithTheEarlierOnesSuppressed() {
        assertThatThrownBy(() -> retry.call("sku-2", 3, this::stock))
                .isInstanceOf(IOException.class)
                .hasMessage("attempt 3")
                .satisfies(failure -> assertThat(failure.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("attempt 1", "attempt 2"));
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(0, 0, 0, 1, 2));
    }

    @Test
    void aFirstAttemptSuccessCountsAsSuccessfulWithoutRetry() throws IOException {
        assertThat(retry.call("sku-3", 0, this::stock)).isEqualTo("sku-3 in stock");

        assertThat(seen).containsExactly("sku-3");
        assertThat(retry.snapshot()).isEqualTo(new RetrySnapshot(1, 0, 0, 0, 0));
    }
}
