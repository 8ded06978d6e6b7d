package dev.resilience.ratelimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RateLimiterConfigTests {

    @Test
    void defaultsMatchTheContract() {
        RateLimiterConfig config = RateLimiterConfig.defaults();

        assertThat(config.limitForPeriod()).isEqualTo(50);
        assertThat(config.limitRefreshPeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.timeoutDuration()).isEqualTo(Duration.ZERO);
        assertThat(config.maxKeys()).isEqualTo(1000);
        assertThat(config.writableStackTrace()).isFalse();
    }

    @Test
    void asMapListsEveryValueInCamelCase() {
        RateLimiterConfig config = RateLimiterConfig.builder().limitForPeriod(7)
                .limitRefreshPeriod(Duration.ofMillis(500)).timeoutDuration(Duration.ofMillis(20)).maxKeys(3)
                .writableStackTrace(true).build();

        assertThat(config.asMap()).containsExactly(
                entry("limitForPeriod", 7),
                entry("limitRefreshPeriod", Duration.ofMillis(500)),
                entry("timeoutDuration", Duration.ofMillis(20)),
                entry("maxKeys", 3),
                entry("writableStackTrace", true));
        assertThat(config).hasToString("RateLimiterConfig" + config.asMap());
    }

    @Test
    void toBuilderStartsFromTheSameValues() {
        RateLimiterConfig config = RateLimiterConfig.builder().limitForPeriod(7)
                .limitRefreshPeriod(Duration.ofMillis(500)).timeoutDuration(Duration.ofMillis(20)).maxKeys(3)
                .writableStackTrace(true).build();

        assertThat(config.toBuilder().build().asMap()).isEqualTo(config.asMap());
        assertThat(config.toBuilder().limitForPeriod(1).build().limitForPeriod()).isEqualTo(1);
        assertThat(config.limitForPeriod()).isEqualTo(7);
    }

    @Test
    void rejectsZeroLimitForPeriod() {
        assertInvalid(b -> b.limitForPeriod(0), "limit-for-period", 0, "limit-for-period = 0");
    }

    @Test
    void rejectsAZeroRefreshPeriod() {
        assertInvalid(b -> b.limitRefreshPeriod(Duration.ZERO), "limit-refresh-period", Duration.ZERO,
                "limit-refresh-period = PT0S");
    }

    @Test
    void rejectsANegativeRefreshPeriod() {
        assertInvalid(b -> b.limitRefreshPeriod(Duration.ofSeconds(-1)), "limit-refresh-period",
                Duration.ofSeconds(-1), "limit-refresh-period = PT-1S");
    }

    @Test
    void rejectsARefreshPeriodTooLongForNanoseconds() {
        Duration tooLong = Duration.ofSeconds(Long.MAX_VALUE);

        assertInvalid(b -> b.limitRefreshPeriod(tooLong), "limit-refresh-period", tooLong,
                "limit-refresh-period = " + tooLong);
    }

    @Test
    void rejectsMoreThanOnePermitPerNanosecond() {
        assertInvalid(b -> b.limitForPeriod(1001).limitRefreshPeriod(Duration.ofNanos(1000)), "limit-for-period",
                1001, "limit-for-period = 1001: must not exceed the nanoseconds in limit-refresh-period (PT0.000001S)");
    }

    @Test
    void acceptsExactlyOnePermitPerNanosecond() {
        RateLimiterConfig config = RateLimiterConfig.builder().limitForPeriod(1000)
                .limitRefreshPeriod(Duration.ofNanos(1000)).build();

        assertThat(config.limitForPeriod()).isEqualTo(1000);
    }

    @Test
    void rejectsANegativeTimeout() {
        assertInvalid(b -> b.timeoutDuration(Duration.ofMillis(-5)), "timeout-duration", Duration.ofMillis(-5),
                "timeout-duration = PT-0.005S");
    }

    @Test
    void rejectsZeroMaxKeys() {
        assertInvalid(b -> b.maxKeys(0), "max-keys", 0, "max-keys = 0");
    }

    private static void assertInvalid(UnaryOperator<RateLimiterConfig.Builder> change, String property,
            Object value, String messageStart) {
        assertThatThrownBy(() -> change.apply(RateLimiterConfig.builder()).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.getProperty()).isEqualTo(property);
                    assertThat(e.getValue()).isEqualTo(value);
                })
                .hasMessageStartingWith(messageStart);
    }
}
