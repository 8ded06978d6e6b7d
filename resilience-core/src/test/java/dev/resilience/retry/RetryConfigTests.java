package dev.resilience.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.resilience.InvalidConfigurationException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryConfigTests {

    @Test
    void defaultsFollowTheSpecification() {
        RetryConfig config = RetryConfig.defaults();

        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.backoff()).isEqualTo(Backoff.EXPONENTIAL);
        assertThat(config.waitDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.multiplier()).isEqualTo(2.0);
        assertThat(config.maxWaitDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.jitter()).isEqualTo(0.2);
        assertThat(config.maxDuration()).isEqualTo(Duration.ZERO);
        assertThat(config.retryExceptions()).isEmpty();
        assertThat(config.ignoreExceptions()).isEmpty();
        assertThat(config.budgetRatio()).isZero();
        assertThat(config.budgetMinRetriesPerSecond()).isEqualTo(10);
    }

    static List<Arguments> invalidValues() {
        return List.of(
                invalid("max-attempts", 0, b -> b.maxAttempts(0)),
                invalid("wait-duration", Duration.ofMillis(-1), b -> b.waitDuration(Duration.ofMillis(-1))),
                invalid("wait-duration", null, b -> b.waitDuration(null)),
                invalid("multiplier", 0.5, b -> b.multiplier(0.5)),
                invalid("multiplier", Double.NaN, b -> b.multiplier(Double.NaN)),
                invalid("max-wait-duration", Duration.ofSeconds(-1), b -> b.maxWaitDuration(Duration.ofSeconds(-1))),
                invalid("jitter", 1.0, b -> b.jitter(1.0)),
                invalid("jitter", -0.1, b -> b.jitter(-0.1)),
                invalid("max-duration", Duration.ofSeconds(-5), b -> b.maxDuration(Duration.ofSeconds(-5))),
                invalid("budget.ratio", -0.2, b -> b.budgetRatio(-0.2)),
                invalid("budget.min-retries-per-second", -1.0, b -> b.budgetMinRetriesPerSecond(-1)));
    }

    private static Arguments invalid(String property, Object value, UnaryOperator<RetryConfig.Builder> change) {
        return Arguments.of(property, value, change);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void rejectsInvalidValuesNamingTheKebabCasePropertyAndTheValue(String property, Object value,
            UnaryOperator<RetryConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(RetryConfig.builder()).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.getProperty()).isEqualTo(property);
                    assertThat(e.getMessage()).startsWith(property + " = " + value);
                });
    }

    @Test
    void acceptsTheBoundaryValues() {
        RetryConfig config = RetryConfig.builder().maxAttempts(1).waitDuration(Duration.ZERO).multiplier(1.0)
                .maxWaitDuration(Duration.ZERO).jitter(0).maxDuration(Duration.ZERO).budgetRatio(0)
                .budgetMinRetriesPerSecond(0).build();

        assertThat(config.maxAttempts()).isEqualTo(1);
        assertThat(config.jitter()).isZero();
    }

    @Test
    void toBuilderKeepsEveryValue() {
        RetryConfig config = RetryConfig.builder().maxAttempts(5).backoff(Backoff.LINEAR)
                .waitDuration(Duration.ofSeconds(1)).multiplier(3).maxWaitDuration(Duration.ofSeconds(9)).jitter(0.5)
                .maxDuration(Duration.ofMinutes(1)).retryExceptions(List.of(IOException.class))
                .ignoreExceptions(List.of(IllegalStateException.class)).budgetRatio(0.1).budgetMinRetriesPerSecond(2)
                .build();

        assertThat(config.toBuilder().build().asMap()).isEqualTo(config.asMap());
    }

    @Test
    void asMapUsesCamelCaseKeysInDeclarationOrder() {
        RetryConfig config = RetryConfig.builder().retryExceptions(List.of(IOException.class)).build();

        assertThat(config.asMap()).containsExactly(
                entry("maxAttempts", 3),
                entry("backoff", "EXPONENTIAL"),
                entry("waitDuration", Duration.ofMillis(500)),
                entry("multiplier", 2.0),
                entry("maxWaitDuration", Duration.ofSeconds(30)),
                entry("jitter", 0.2),
                entry("maxDuration", Duration.ZERO),
                entry("retryExceptions", List.of("java.io.IOException")),
                entry("ignoreExceptions", List.of()),
                entry("budgetRatio", 0.0),
                entry("budgetMinRetriesPerSecond", 10.0));
    }
}
