package dev.resilience.spring.config;

import dev.resilience.ratelimiter.RateLimiterConfig;
import java.util.Map;

/**
 * The one place where {@link RateLimiterSettings} become a {@link RateLimiterConfig}; the core builder
 * validates every value and names the kebab-case property. Stateless, thread safe.
 */
public final class RateLimiterMapping implements PatternMapping<RateLimiterSettings, RateLimiterConfig> {

    @Override
    public String section() {
        return "ratelimiter";
    }

    @Override
    public RateLimiterSettings newSettings() {
        return new RateLimiterSettings();
    }

    @Override
    public Map<String, Map<String, Object>> builtInPresets() {
        return RateLimiterPresets.BUILT_IN;
    }

    @Override
    public RateLimiterConfig toConfig(RateLimiterSettings s) {
        return RateLimiterConfig.builder()
                .limitForPeriod(s.getLimitForPeriod())
                .limitRefreshPeriod(s.getLimitRefreshPeriod())
                .timeoutDuration(s.getTimeoutDuration())
                .maxKeys(s.getMaxKeys())
                .writableStackTrace(s.isWritableStackTrace())
                .build();
    }
}
