package dev.resilience.spring.config;

import dev.resilience.timeout.TimeoutConfig;
import java.util.Map;

/**
 * The one place where {@link TimeoutSettings} become a {@link TimeoutConfig}. Stateless, thread safe.
 */
public final class TimeoutMapping implements PatternMapping<TimeoutSettings, TimeoutConfig> {

    @Override
    public String section() {
        return "timeout";
    }

    @Override
    public TimeoutSettings newSettings() {
        return new TimeoutSettings();
    }

    @Override
    public Map<String, Map<String, Object>> builtInPresets() {
        return TimeoutPresets.BUILT_IN;
    }

    @Override
    public TimeoutConfig toConfig(TimeoutSettings s) {
        return TimeoutConfig.builder()
                .duration(s.getDuration())
                .cancelRunning(s.isCancelRunning())
                .writableStackTrace(s.isWritableStackTrace())
                .build();
    }
}
