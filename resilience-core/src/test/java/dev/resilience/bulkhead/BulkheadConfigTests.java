package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BulkheadConfigTests {

    @Test
    void defaultsMatchTheContract() {
        BulkheadConfig config = BulkheadConfig.defaults();

        assertThat(config.maxConcurrentCalls()).isEqualTo(25);
        assertThat(config.maxQueueSize()).isZero();
        assertThat(config.maxWaitDuration()).isEqualTo(Duration.ZERO);
        assertThat(config.maxKeys()).isEqualTo(1000);
        assertThat(config.writableStackTrace()).isFalse();
        assertThat(config.queueing()).isFalse();
    }

    @Test
    void asMapListsEveryValueInCamelCase() {
        BulkheadConfig config = BulkheadConfig.builder().maxConcurrentCalls(3).maxQueueSize(7)
                .maxWaitDuration(Duration.ofMillis(250)).maxKeys(9).writableStackTrace(true).build();

        assertThat(config.asMap()).containsExactly(
                entry("maxConcurrentCalls", 3),
                entry("maxQueueSize", 7),
                entry("maxWaitDuration", Duration.ofMillis(250)),
                entry("maxKeys", 9),
                entry("writableStackTrace", true),
                entry("adaptiveEnabled", false),
                entry("adaptiveAlgorithm", "AIMD"),
                entry("adaptiveMinConcurrentCalls", 1),
                entry("adaptiveLatencyThreshold", Duration.ofSeconds(1)),
                entry("adaptiveBackoffRatio", 0.9),
                entry("adaptiveSmoothing", 0.2));
        assertThat(config).hasToString("BulkheadConfig" + config.asMap());
    }

    @Test
    void toBuilderStartsFromTheSameValues() {
        BulkheadConfig config = BulkheadConfig.builder().maxConcurrentCalls(3).maxQueueSize(7)
                .maxWaitDuration(Duration.ofSeconds(2)).maxKeys(9).writableStackTrace(true).build();

        assertThat(config.toBuilder().build().asMap()).isEqualTo(config.asMap());
        assertThat(config.toBuilder().maxQueueSize(1).build().maxQueueSize()).isEqualTo(1);
        assertThat(config.maxQueueSize()).isEqualTo(7);
    }

    @Test
    void queueingNeedsBothAQueueAndAWait() {
        assertThat(BulkheadConfig.builder().maxQueueSize(5).maxWaitDuration(Duration.ofMillis(1)).build().queueing())
                .isTrue();
        assertThat(BulkheadConfig.builder().maxQueueSize(5).build().queueing()).isFalse();
        assertThat(BulkheadConfig.builder().maxWaitDuration(Duration.ofMillis(1)).build().queueing()).isFalse();
    }

    @Test
    void rejectsZeroConcurrentCalls() {
        assertInvalid(b -> b.maxConcurrentCalls(0), "max-concurrent-calls", 0, "max-concurrent-calls = 0");
    }

    @Test
    void rejectsANegativeQueueSize() {
        assertInvalid(b -> b.maxQueueSize(-1), "max-queue-size", -1, "max-queue-size = -1");
    }

    @Test
    void acceptsAZeroQueueAndAZeroWait() {
        BulkheadConfig config = BulkheadConfig.builder().maxQueueSize(0).maxWaitDuration(Duration.ZERO).build();

        assertThat(config.maxQueueSize()).isZero();
        assertThat(config.maxWaitDuration()).isZero();
    }

    @Test
    void rejectsANegativeWait() {
        assertInvalid(b -> b.maxWaitDuration(Duration.ofMillis(-1)), "max-wait-duration", Duration.ofMillis(-1),
                "max-wait-duration = PT-0.001S");
    }

    @Test
    void rejectsAMissingWait() {
        assertInvalid(b -> b.maxWaitDuration(null), "max-wait-duration", null, "max-wait-duration = null");
    }

    @Test
    void rejectsZeroMaxKeys() {
        assertInvalid(b -> b.maxKeys(0), "max-keys", 0, "max-keys = 0");
    }

    private static void assertInvalid(UnaryOperator<BulkheadConfig.Builder> change, String property, Object value,
            String messageStart) {
        assertThatThrownBy(() -> change.apply(BulkheadConfig.builder()).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.getProperty()).isEqualTo(property);
                    assertThat(e.getValue()).isEqualTo(value);
                })
                .hasMessageStartingWith(messageStart);
    }
}
