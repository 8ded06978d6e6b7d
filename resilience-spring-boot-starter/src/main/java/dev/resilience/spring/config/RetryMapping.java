package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import dev.resilience.retry.RetryConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place where {@link RetrySettings} become a {@link RetryConfig}: exception class names are
 * loaded once, so that the configuration a retry runs with is exactly the one
 * {@link PatternConfigs#configFor(String)} reports. Immutable, thread safe.
 */
public final class RetryMapping implements PatternMapping<RetrySettings, RetryConfig> {

    private final ClassLoader classLoader;

    /**
     * Creates the mapping.
     *
     * @param classLoader loads the classes named in {@code retry-exceptions} and {@code ignore-exceptions}
     */
    public RetryMapping(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    @Override
    public String section() {
        return "retry";
    }

    @Override
    public RetrySettings newSettings() {
        return new RetrySettings();
    }

    @Override
    public Map<String, Map<String, Object>> builtInPresets() {
        return RetryPresets.BUILT_IN;
    }

    @Override
    public RetryConfig toConfig(RetrySettings s) {
        if (s.getBackoff() == null) {
            throw new InvalidConfigurationException("backoff", null, "must be EXPONENTIAL, LINEAR or FIXED");
        }
        return RetryConfig.builder()
                .maxAttempts(s.getMaxAttempts())
                .backoff(s.getBackoff())
                .waitDuration(s.getWaitDuration())
                .multiplier(s.getMultiplier())
                .maxWaitDuration(s.getMaxWaitDuration())
                .jitter(s.getJitter())
                .maxDuration(s.getMaxDuration())
                .retryExceptions(ExceptionClasses.resolve("retry-exceptions", orEmpty(s.getRetryExceptions()), classLoader))
                .ignoreExceptions(ExceptionClasses.resolve("ignore-exceptions", orEmpty(s.getIgnoreExceptions()), classLoader))
                .budgetRatio(s.getBudget().getRatio())
                .budgetMinRetriesPerSecond(s.getBudget().getMinRetriesPerSecond())
                .build();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
