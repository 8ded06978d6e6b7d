package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import dev.resilience.circuitbreaker.AdaptiveThresholdConfig;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.StatusCodeSet;
import dev.resilience.circuitbreaker.StatusResolver;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place where {@link CircuitBreakerSettings} become a {@link CircuitBreakerConfig}: exception
 * class names are loaded, status codes parsed, and the HTTP {@link StatusResolver} attached, so that the
 * configuration a breaker runs with is exactly the one {@link PatternConfigs#configFor(String)} reports.
 * Immutable, thread safe.
 */
public final class CircuitBreakerMapping implements PatternMapping<CircuitBreakerSettings, CircuitBreakerConfig> {

    private final StatusResolver statusResolver;
    private final ClassLoader classLoader;

    /**
     * Creates the mapping.
     *
     * @param statusResolver finds the HTTP status of results and exceptions, for {@code failure-status-codes}
     * @param classLoader loads the classes named in {@code record-exceptions} and {@code ignore-exceptions}
     */
    public CircuitBreakerMapping(StatusResolver statusResolver, ClassLoader classLoader) {
        this.statusResolver = Objects.requireNonNull(statusResolver, "statusResolver");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    @Override
    public String section() {
        return "circuitbreaker";
    }

    @Override
    public CircuitBreakerSettings newSettings() {
        return new CircuitBreakerSettings();
    }

    @Override
    public Map<String, Map<String, Object>> builtInPresets() {
        return CircuitBreakerPresets.BUILT_IN;
    }

    @Override
    public CircuitBreakerConfig toConfig(CircuitBreakerSettings s) {
        return CircuitBreakerConfig.builder()
                .slidingWindowType(required("sliding-window-type", s.getSlidingWindowType(), "must be COUNT_BASED or TIME_BASED"))
                .slidingWindowSize(s.getSlidingWindowSize())
                .minimumNumberOfCalls(s.getMinimumNumberOfCalls())
                .failureRateThreshold(s.getFailureRateThreshold())
                .consecutiveFailureThreshold(s.getConsecutiveFailureThreshold())
                .slowCallDurationThreshold(s.getSlowCallDurationThreshold())
                .slowCallRateThreshold(s.getSlowCallRateThreshold())
                .waitDurationInOpenState(s.getWaitDurationInOpenState())
                .openStateBackoffMultiplier(s.getOpenStateBackoffMultiplier())
                .maxWaitDurationInOpenState(s.getMaxWaitDurationInOpenState())
                .permittedCallsInHalfOpenState(s.getPermittedCallsInHalfOpenState())
                .successThreshold(s.getSuccessThreshold())
                .recordExceptions(ExceptionClasses.resolve("record-exceptions", orEmpty(s.getRecordExceptions()), classLoader))
                .ignoreExceptions(ExceptionClasses.resolve("ignore-exceptions", orEmpty(s.getIgnoreExceptions()), classLoader))
                .failureStatusCodes(StatusCodeSet.parse(orEmpty(s.getFailureStatusCodes())))
                .statusResolver(statusResolver)
                .maxKeys(s.getMaxKeys())
                .writableStackTrace(s.isWritableStackTrace())
                .adaptive(adaptive(s.getAdaptive()))
                .build();
    }

    private static AdaptiveThresholdConfig adaptive(CircuitBreakerAdaptiveSettings a) {
        return AdaptiveThresholdConfig.builder()
                .enabled(a.isEnabled())
                .targetErrorRate(a.getTargetErrorRate())
                .minFailureRateThreshold(a.getMinFailureRateThreshold())
                .maxFailureRateThreshold(a.getMaxFailureRateThreshold())
                .smoothing(a.getSmoothing())
                .build();
    }

    private static <T> T required(String property, T value, String requirement) {
        if (value == null) {
            throw new InvalidConfigurationException(property, null, requirement);
        }
        return value;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
