package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class AdaptiveThresholdConfigTests {

    @Test
    void defaultsAreOffWithValidBounds() {
        AdaptiveThresholdConfig config = CircuitBreakerConfig.defaults().adaptive();
        assertThat(config.enabled()).isFalse();
        assertThat(config.targetErrorRate()).isEqualTo(50f);
        assertThat(config.minFailureRateThreshold()).isEqualTo(10f);
        assertThat(config.maxFailureRateThreshold()).isEqualTo(90f);
        assertThat(config.smoothing()).isEqualTo(0.2);
    }

    @Test
    void rejectsBoundsOutOfOrder() {
        assertThatThrownBy(() -> AdaptiveThresholdConfig.builder().minFailureRateThreshold(60).maxFailureRateThreshold(40)
                .targetErrorRate(50).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("adaptive.max-failure-rate-threshold").hasMessageContaining("40");
    }

    @Test
    void rejectsATargetOutsideTheBounds() {
        assertThatThrownBy(() -> AdaptiveThresholdConfig.builder().targetErrorRate(5).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("adaptive.target-error-rate").hasMessageContaining("5");
    }

    @Test
    void rejectsBoundsThatAreNotPercentages() {
        assertThatThrownBy(() -> AdaptiveThresholdConfig.builder().minFailureRateThreshold(0).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("adaptive.min-failure-rate-threshold");
        assertThatThrownBy(() -> AdaptiveThresholdConfig.builder().maxFailureRateThreshold(101).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("adaptive.max-failure-rate-threshold").hasMessageContaining("101");
    }

    @Test
    void rejectsSmoothingOutsideZeroToOne() {
        assertThatThrownBy(() -> AdaptiveThresholdConfig.builder().smoothing(0).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("adaptive.smoothing");
        assertThatThrownBy(() -> AdaptiveThresholdConfig.builder().smoothing(1.5).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("1.5");
    }

    @Test
    void requiresTheStartingThresholdWithinTheBoundsOnlyWhenEnabled() {
        AdaptiveThresholdConfig.Builder bounds = AdaptiveThresholdConfig.builder().minFailureRateThreshold(10)
                .maxFailureRateThreshold(40).targetErrorRate(20);
        assertThat(CircuitBreakerConfig.builder().failureRateThreshold(50).adaptive(bounds.build()).build()
                .failureRateThreshold()).isEqualTo(50f);

        assertThatThrownBy(() -> CircuitBreakerConfig.builder().failureRateThreshold(50)
                .adaptive(bounds.enabled(true).build()).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("failure-rate-threshold").hasMessageContaining("50")
                .hasMessageContaining("adaptive.max-failure-rate-threshold");
    }

    @Test
    void theConfigMapListsTheAdaptiveSettings() {
        CircuitBreakerConfig config = CircuitBreakerConfig.builder().adaptive(AdaptiveThresholdConfig.builder()
                .enabled(true).targetErrorRate(30).build()).build();
        assertThat(config.asMap()).containsEntry("adaptiveEnabled", true).containsEntry("adaptiveTargetErrorRate", 30f)
                .containsEntry("adaptiveMinFailureRateThreshold", 10f).containsEntry("adaptiveMaxFailureRateThreshold", 90f)
                .containsEntry("adaptiveSmoothing", 0.2);
        assertThat(config.toBuilder().build().adaptive()).isSameAs(config.adaptive());
    }
}
