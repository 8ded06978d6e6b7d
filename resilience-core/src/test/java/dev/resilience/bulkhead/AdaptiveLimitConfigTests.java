package dev.resilience.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveLimitConfigTests {

    @Test
    void defaultsAreOff() {
        AdaptiveLimitConfig config = BulkheadConfig.defaults().adaptive();
        assertThat(config.enabled()).isFalse();
        assertThat(config.algorithm()).isEqualTo(AdaptiveLimitAlgorithm.AIMD);
        assertThat(config.minConcurrentCalls()).isEqualTo(1);
        assertThat(config.latencyThreshold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.backoffRatio()).isEqualTo(0.9);
        assertThat(config.smoothing()).isEqualTo(0.2);
    }

    @Test
    void rejectsInvalidValuesNamingTheProperty() {
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().minConcurrentCalls(0).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("adaptive.min-concurrent-calls");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().latencyThreshold(Duration.ZERO).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("adaptive.latency-threshold");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().backoffRatio(1.0).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("adaptive.backoff-ratio")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().smoothing(0).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("adaptive.smoothing");
    }

    @Test
    void requiresTheMinimumUnderMaxConcurrentCallsOnlyWhenEnabled() {
        AdaptiveLimitConfig.Builder adaptive = AdaptiveLimitConfig.builder().minConcurrentCalls(10);
        assertThat(BulkheadConfig.builder().maxConcurrentCalls(5).adaptive(adaptive.build()).build().maxConcurrentCalls())
                .isEqualTo(5);
        assertThatThrownBy(() -> BulkheadConfig.builder().maxConcurrentCalls(5).adaptive(adaptive.enabled(true).build())
                .build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("adaptive.min-concurrent-calls").hasMessageContaining("10")
                .hasMessageContaining("max-concurrent-calls (5)");
    }

    @Test
    void theConfigMapListsTheAdaptiveSettings() {
        BulkheadConfig config = BulkheadConfig.builder().adaptive(AdaptiveLimitConfig.builder().enabled(true)
                .algorithm(AdaptiveLimitAlgorithm.GRADIENT).build()).build();
        assertThat(config.asMap()).containsEntry("adaptiveEnabled", true).containsEntry("adaptiveAlgorithm", "GRADIENT")
                .containsEntry("adaptiveMinConcurrentCalls", 1)
                .containsEntry("adaptiveLatencyThreshold", Duration.ofSeconds(1))
                .containsEntry("adaptiveBackoffRatio", 0.9).containsEntry("adaptiveSmoothing", 0.2);
        assertThat(config.toBuilder().build().adaptive()).isSameAs(config.adaptive());
    }
}
