package dev.resilience.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.resilience.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutConfigTests {

    @Test
    void defaultsFollowTheSpecification() {
        TimeoutConfig config = TimeoutConfig.defaults();

        assertThat(config.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.cancelRunning()).isTrue();
        assertThat(config.writableStackTrace()).isFalse();
    }

    @Test
    void durationMustBeGreaterThanZero() {
        for (Duration invalid : new Duration[] { Duration.ZERO, Duration.ofMillis(-1), null }) {
            assertThatThrownBy(() -> TimeoutConfig.builder().duration(invalid).build())
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                        assertThat(e.getProperty()).isEqualTo("duration");
                        assertThat(e.getValue()).isEqualTo(invalid);
                        assertThat(e.getMessage()).startsWith("duration = " + invalid);
                    });
        }
    }

    @Test
    void aDurationTooLongForNanosecondsSaturates() {
        TimeoutConfig config = TimeoutConfig.builder().duration(Duration.ofDays(365L * 1_000)).build();

        assertThat(config.durationNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void asMapUsesCamelCaseKeysAndToBuilderKeepsEveryValue() {
        TimeoutConfig config = TimeoutConfig.builder().duration(Duration.ofMillis(250)).cancelRunning(false)
                .writableStackTrace(true).build();

        assertThat(config.asMap()).containsExactly(entry("duration", Duration.ofMillis(250)),
                entry("cancelRunning", false), entry("writableStackTrace", true));
        assertThat(config.toBuilder().build().asMap()).isEqualTo(config.asMap());
    }
}
