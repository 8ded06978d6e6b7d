package dev.resilience.spring.config;

import dev.resilience.circuitbreaker.SlidingWindowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The keys of one circuit breaker, as written under {@code resilience.circuitbreaker.defaults},
 * {@code .presets.<preset>} and {@code .instances.<name>}. Field initializers are the built-in defaults
 * (the same as {@link dev.resilience.circuitbreaker.CircuitBreakerConfig#defaults()}). Mapped to the core
 * configuration in one place, {@link CircuitBreakerMapping}.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class CircuitBreakerSettings extends InstanceSettings {

    /** How the sliding window is measured: COUNT_BASED (the last sliding-window-size calls) or TIME_BASED (the calls of the last sliding-window-size seconds). */
    private SlidingWindowType slidingWindowType = SlidingWindowType.COUNT_BASED;

    /** Size of the sliding window: calls for a COUNT_BASED window, seconds for a TIME_BASED one. At least 1. */
    private int slidingWindowSize = 100;

    /** Calls the window must hold before failure and slow-call rates are computed. At least 1; at most sliding-window-size for a COUNT_BASED window. */
    private int minimumNumberOfCalls = 10;

    /** Failure rate, in percent (0, 100], at or above which the breaker opens. */
    private float failureRateThreshold = 50;

    /** Failures in a row that open the breaker whatever the rate; 0 turns this off. */
    private int consecutiveFailureThreshold = 0;

    /** Calls that take at least this long count as slow. Zero or more. */
    private Duration slowCallDurationThreshold = Duration.ofSeconds(60);

    /** Slow-call rate, in percent (0, 100], at or above which the breaker opens. */
    private float slowCallRateThreshold = 100;

    /** How long the breaker stays OPEN before it lets probes through. Greater than zero. */
    private Duration waitDurationInOpenState = Duration.ofSeconds(60);

    /** Each re-open from HALF_OPEN multiplies the previous open wait by this factor (at least 1.0; 1.0 = no backoff). Reaching CLOSED resets it. */
    private double openStateBackoffMultiplier = 1.0;

    /** Cap on the open wait after backoff. At least wait-duration-in-open-state. */
    private Duration maxWaitDurationInOpenState = Duration.ofMinutes(5);

    /** Concurrent probe calls admitted in HALF_OPEN. At least 1. */
    private int permittedCallsInHalfOpenState = 3;

    /** Successful probes in HALF_OPEN that close the breaker; any failed probe re-opens it. At least 1. */
    private int successThreshold = 3;

    /** Fully-qualified class names of the exceptions that count as failures (subclasses included); when set, every other exception counts as a success. */
    private List<String> recordExceptions = new ArrayList<>();

    /** Fully-qualified class names of exceptions that are not recorded at all (subclasses included); they win over record-exceptions. BulkheadFullException and RateLimitExceededException are always ignored. */
    private List<String> ignoreExceptions = new ArrayList<>();

    /** HTTP statuses that count as failures when the method returns a ResponseEntity or throws an exception carrying a status (RestClientResponseException, WebClientResponseException, ErrorResponse); codes and inclusive ranges such as 500-599. Any other status is a success. A list here replaces the default list. */
    private List<String> failureStatusCodes = new ArrayList<>(List.of("500-599", "408", "429"));

    /** Most keyed instances (name[key]) kept per name; the least recently used is evicted beyond it. At least 1. */
    private int maxKeys = 1000;

    /** Whether CircuitBreakerOpenException captures a stack trace; off by default because rejections are frequent and the trace says nothing useful. */
    private boolean writableStackTrace = false;

    /** An adaptive failure-rate threshold (adaptive.enabled, adaptive.target-error-rate, bounds, smoothing). */
    @NestedConfigurationProperty
    private final CircuitBreakerAdaptiveSettings adaptive = new CircuitBreakerAdaptiveSettings();

    /** A health signal the breaker follows: an unhealthy one holds it OPEN, a healthy one releases it to HALF_OPEN. Only under instances.<name>; null when not written. */
    @NestedConfigurationProperty
    private HealthCheckSettings healthCheck;

    /** @return how the sliding window is measured */
    public SlidingWindowType getSlidingWindowType() {
        return slidingWindowType;
    }

    /** @param slidingWindowType how the sliding window is measured */
    public void setSlidingWindowType(SlidingWindowType slidingWindowType) {
        this.slidingWindowType = slidingWindowType;
    }

    /** @return the window size, in calls or seconds */
    public int getSlidingWindowSize() {
        return slidingWindowSize;
    }

    /** @param slidingWindowSize the window size, in calls or seconds */
    public void setSlidingWindowSize(int slidingWindowSize) {
        this.slidingWindowSize = slidingWindowSize;
    }

    /** @return calls the window must hold before rates are computed */
    public int getMinimumNumberOfCalls() {
        return minimumNumberOfCalls;
    }

    /** @param minimumNumberOfCalls calls the window must hold before rates are computed */
    public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
        this.minimumNumberOfCalls = minimumNumberOfCalls;
    }

    /** @return the failure rate, in percent, at or above which the breaker opens */
    public float getFailureRateThreshold() {
        return failureRateThreshold;
    }

    /** @param failureRateThreshold the failure rate, in percent, at or above which the breaker opens */
    public void setFailureRateThreshold(float failureRateThreshold) {
        this.failureRateThreshold = failureRateThreshold;
    }

    /** @return failures in a row that open the breaker; 0 = off */
    public int getConsecutiveFailureThreshold() {
        return consecutiveFailureThreshold;
    }

    /** @param consecutiveFailureThreshold failures in a row that open the breaker; 0 = off */
    public void setConsecutiveFailureThreshold(int consecutiveFailureThreshold) {
        this.consecutiveFailureThreshold = consecutiveFailureThreshold;
    }

    /** @return the duration from which a call is slow */
    public Duration getSlowCallDurationThreshold() {
        return slowCallDurationThreshold;
    }

    /** @param slowCallDurationThreshold the duration from which a call is slow */
    public void setSlowCallDurationThreshold(Duration slowCallDurationThreshold) {
        this.slowCallDurationThreshold = slowCallDurationThreshold;
    }

    /** @return the slow-call rate, in percent, at or above which the breaker opens */
    public float getSlowCallRateThreshold() {
        return slowCallRateThreshold;
    }

    /** @param slowCallRateThreshold the slow-call rate, in percent, at or above which the breaker opens */
    public void setSlowCallRateThreshold(float slowCallRateThreshold) {
        this.slowCallRateThreshold = slowCallRateThreshold;
    }

    /** @return how long the breaker stays OPEN before it lets probes through */
    public Duration getWaitDurationInOpenState() {
        return waitDurationInOpenState;
    }

    /** @param waitDurationInOpenState how long the breaker stays OPEN before it lets probes through */
    public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
        this.waitDurationInOpenState = waitDurationInOpenState;
    }

    /** @return the open-wait backoff factor */
    public double getOpenStateBackoffMultiplier() {
        return openStateBackoffMultiplier;
    }

    /** @param openStateBackoffMultiplier the open-wait backoff factor */
    public void setOpenStateBackoffMultiplier(double openStateBackoffMultiplier) {
        this.openStateBackoffMultiplier = openStateBackoffMultiplier;
    }

    /** @return cap on the open wait after backoff */
    public Duration getMaxWaitDurationInOpenState() {
        return maxWaitDurationInOpenState;
    }

    /** @param maxWaitDurationInOpenState cap on the open wait after backoff */
    public void setMaxWaitDurationInOpenState(Duration maxWaitDurationInOpenState) {
        this.maxWaitDurationInOpenState = maxWaitDurationInOpenState;
    }

    /** @return concurrent probe calls admitted in HALF_OPEN */
    public int getPermittedCallsInHalfOpenState() {
        return permittedCallsInHalfOpenState;
    }

    /** @param permittedCallsInHalfOpenState concurrent probe calls admitted in HALF_OPEN */
    public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
        this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
    }

    /** @return successful probes in HALF_OPEN that close the breaker */
    public int getSuccessThreshold() {
        return successThreshold;
    }

    /** @param successThreshold successful probes in HALF_OPEN that close the breaker */
    public void setSuccessThreshold(int successThreshold) {
        this.successThreshold = successThreshold;
    }

    /** @return class names of the exceptions recorded as failures */
    public List<String> getRecordExceptions() {
        return recordExceptions;
    }

    /** @param recordExceptions class names of the exceptions recorded as failures */
    public void setRecordExceptions(List<String> recordExceptions) {
        this.recordExceptions = recordExceptions;
    }

    /** @return class names of the exceptions not recorded */
    public List<String> getIgnoreExceptions() {
        return ignoreExceptions;
    }

    /** @param ignoreExceptions class names of the exceptions not recorded */
    public void setIgnoreExceptions(List<String> ignoreExceptions) {
        this.ignoreExceptions = ignoreExceptions;
    }

    /** @return HTTP status codes and ranges that count as failures */
    public List<String> getFailureStatusCodes() {
        return failureStatusCodes;
    }

    /** @param failureStatusCodes HTTP status codes and ranges that count as failures */
    public void setFailureStatusCodes(List<String> failureStatusCodes) {
        this.failureStatusCodes = failureStatusCodes;
    }

    /** @return the bound on keyed instances per name */
    public int getMaxKeys() {
        return maxKeys;
    }

    /** @param maxKeys the bound on keyed instances per name */
    public void setMaxKeys(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** @return whether rejections capture a stack trace */
    public boolean isWritableStackTrace() {
        return writableStackTrace;
    }

    /** @param writableStackTrace whether rejections capture a stack trace */
    public void setWritableStackTrace(boolean writableStackTrace) {
        this.writableStackTrace = writableStackTrace;
    }

    /** @return the adaptive threshold's keys ({@code adaptive.*}) */
    public CircuitBreakerAdaptiveSettings getAdaptive() {
        return adaptive;
    }

    /** @return the health-check settings, or {@code null} if none were written */
    public HealthCheckSettings getHealthCheck() {
        return healthCheck;
    }

    /** @param healthCheck the health-check settings */
    public void setHealthCheck(HealthCheckSettings healthCheck) {
        this.healthCheck = healthCheck;
    }
}
