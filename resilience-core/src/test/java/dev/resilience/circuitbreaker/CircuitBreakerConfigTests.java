package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CircuitBreakerConfigTests {

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid("sliding-window-size", "0", b -> b.slidingWindowSize(0)),
                invalid("sliding-window-size", "1000001", b -> b.slidingWindowSize(1_000_001)),
                invalid("sliding-window-size", "86401",
                        b -> b.slidingWindowType(SlidingWindowType.TIME_BASED).slidingWindowSize(86_401)),
                invalid("minimum-number-of-calls", "0", b -> b.minimumNumberOfCalls(0)),
                invalid("minimum-number-of-calls", "11", b -> b.slidingWindowSize(10).minimumNumberOfCalls(11)),
                invalid("failure-rate-threshold", "0.0", b -> b.failureRateThreshold(0)),
                invalid("failure-rate-threshold", "100.5", b -> b.failureRateThreshold(100.5f)),
                invalid("consecutive-failure-threshold", "-1", b -> b.consecutiveFailureThreshold(-1)),
                invalid("slow-call-duration-threshold", "PT-1S", b -> b.slowCallDurationThreshold(Duration.ofSeconds(-1))),
                invalid("slow-call-duration-threshold", "null", b -> b.slowCallDurationThreshold(null)),
                invalid("slow-call-rate-threshold", "-5.0", b -> b.slowCallRateThreshold(-5)),
                invalid("wait-duration-in-open-state", "PT0S", b -> b.waitDurationInOpenState(Duration.ZERO)),
                invalid("open-state-backoff-multiplier", "0.5", b -> b.openStateBackoffMultiplier(0.5)),
                invalid("open-state-backoff-multiplier", "NaN", b -> b.openStateBackoffMultiplier(Double.NaN)),
                invalid("max-wait-duration-in-open-state", "PT30S",
                        b -> b.waitDurationInOpenState(Duration.ofMinutes(1)).maxWaitDurationInOpenState(Duration.ofSeconds(30))),
                invalid("permitted-calls-in-half-open-state", "0", b -> b.permittedCallsInHalfOpenState(0)),
                invalid("success-threshold", "0", b -> b.successThreshold(0)),
                invalid("max-keys", "0", b -> b.maxKeys(0)));
    }

    private static Arguments invalid(String property, String value, UnaryOperator<CircuitBreakerConfig.Builder> change) {
        return Arguments.of(property, value, change);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void buildRejectsABadValueNamingThePropertyAndTheValue(String property, String value,
            UnaryOperator<CircuitBreakerConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(CircuitBreakerConfig.builder()).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.getProperty()).isEqualTo(property);
                    assertThat(e.getMessage()).startsWith(property + " = " + value + ": ");
                });
    }

    @Test
    void malformedStatusCodesNameThePropertyAndTheEntry() {
        assertThatThrownBy(() -> StatusCodeSet.parse(List.of("500-599", "600")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.getProperty()).isEqualTo("failure-status-codes");
                    assertThat(e.getMessage()).contains("600");
                });
        assertThatThrownBy(() -> StatusCodeSet.parse(List.of("599-500")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.getMessage()).contains("599-500"));
    }

    @Test
    void aTimeBasedWindowMayHaveAMinimumAboveItsSize() {
        CircuitBreakerConfig config = CircuitBreakerConfig.builder()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(100)
                .build();

        assertThat(config.minimumNumberOfCalls()).isEqualTo(100);
    }

    @Test
    void theLargestWindowsAreAccepted() {
        assertThat(CircuitBreakerConfig.builder().slidingWindowSize(CircuitBreakerConfig.MAX_COUNT_WINDOW).build()
                .slidingWindowSize()).isEqualTo(1_000_000);
        assertThat(CircuitBreakerConfig.builder().slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(CircuitBreakerConfig.MAX_TIME_WINDOW_SECONDS).build()
                .slidingWindowSize()).isEqualTo(86_400);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        CircuitBreakerConfig original = CircuitBreakerConfig.builder()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(30)
                .failureRateThreshold(25)
                .recordExceptions(List.of(IllegalStateException.class))
                .writableStackTrace(true)
                .build();

        assertThat(original.toBuilder().build().asMap()).isEqualTo(original.asMap());
    }
}
