package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import dev.resilience.bulkhead.AdaptiveLimitConfig;
import dev.resilience.bulkhead.BulkheadConfig;
import java.util.Map;

/**
 * The one place where {@link BulkheadSettings} become a {@link BulkheadConfig}; the core builder
 * validates every value and names the kebab-case property. Stateless, thread safe.
 */
public final class BulkheadMapping implements PatternMapping<BulkheadSettings, BulkheadConfig> {

    @Override
    public String section() {
        return "bulkhead";
    }

    @Override
    public BulkheadSettings newSettings() {
        return new BulkheadSettings();
    }

    @Override
    public Map<String, Map<String, Object>> builtInPresets() {
        return BulkheadPresets.BUILT_IN;
    }

    @Override
    public BulkheadConfig toConfig(BulkheadSettings s) {
        return BulkheadConfig.builder()
                .maxConcurrentCalls(s.getMaxConcurrentCalls())
                .maxQueueSize(s.getMaxQueueSize())
                .maxWaitDuration(s.getMaxWaitDuration())
                .maxKeys(s.getMaxKeys())
                .writableStackTrace(s.isWritableStackTrace())
                .adaptive(adaptive(s.getAdaptive()))
                .build();
    }

    private static AdaptiveLimitConfig adaptive(BulkheadAdaptiveSettings a) {
        if (a.getAlgorithm() == null) {
            throw new InvalidConfigurationException("adaptive.algorithm", null, "must be AIMD or GRADIENT");
        }
        return AdaptiveLimitConfig.builder()
                .enabled(a.isEnabled())
                .algorithm(a.getAlgorithm())
                .minConcurrentCalls(a.getMinConcurrentCalls())
                .latencyThreshold(a.getLatencyThreshold())
                .backoffRatio(a.getBackoffRatio())
                .smoothing(a.getSmoothing())
                .build();
    }
}
