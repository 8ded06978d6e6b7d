package dev.resilience.spring.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryAfterTests {

    private final ManualClock clock = new ManualClock(1_800_000_000_000L);

    private String httpDate(Duration fromNow) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(clock.epochMillis()).plus(fromNow).atOffset(ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} ns")
    @CsvSource(delimiter = '|', value = {
        "503 | 7          | 7000000000",
        "429 | ' 0 '      | 0",
        "503 | 120        | 120000000000",
        "500 | 7          | -1",
        "200 | 7          | -1",
        "503 | soon       | -1",
        "503 | 1.5        | -1",
        "503 | -3         | -1",
        "503 | ''         | -1",
    })
    void readsDeltaSecondsOn429And503Only(int status, String header, long expectedNanos) {
        assertThat(RetryAfter.nanos(status, header, clock)).isEqualTo(expectedNanos);
    }

    @Test
    void readsAnHttpDateAgainstTheInjectedWallClock() {
        assertThat(RetryAfter.nanos(503, httpDate(Duration.ofSeconds(9)), clock)).isEqualTo(Duration.ofSeconds(9).toNanos());
        clock.advance(Duration.ofSeconds(4));
        assertThat(RetryAfter.nanos(503, httpDate(Duration.ofSeconds(5)), clock)).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.nanos(429, httpDate(Duration.ofSeconds(-30)), clock)).isZero();
    }

    @Test
    void aMissingHeaderOrAHugeValueNeverOverflows() {
        assertThat(RetryAfter.nanos(503, null, clock)).isEqualTo(-1);
        assertThat(RetryAfter.nanos(503, "99999999999999999999", clock)).isPositive();
    }
}
