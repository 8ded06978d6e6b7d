package dev.resilience.spring.config;

import java.time.Duration;

/**
 * The keys of one rate limiter, as written under {@code resilience.ratelimiter.defaults},
 * {@code .presets.<preset>} and {@code .instances.<name>}. Field initializers are the built-in defaults
 * (the same as {@link dev.resilience.ratelimiter.RateLimiterConfig#defaults()}). Mapped to the core
 * configuration in one place, {@link RateLimiterMapping}.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class RateLimiterSettings extends InstanceSettings {

    /** Calls that may start in one limit-refresh-period. At least 1. */
    private int limitForPeriod = 50;

    /** Length of one period; each period starts with limit-for-period permits. Greater than zero. */
    private Duration limitRefreshPeriod = Duration.ofSeconds(1);

    /** How long a caller may wait for a permit of a later period before RateLimitExceededException. Zero or more; 0 = no waiting. */
    private Duration timeoutDuration = Duration.ZERO;

    /** Most keyed instances (name[key]) kept per name; the least recently used is evicted beyond it. At least 1. */
    private int maxKeys = 1000;

    /** Whether RateLimitExceededException captures a stack trace; off by default because rejections are frequent and the trace says nothing useful. */
    private boolean writableStackTrace = false;

    /** @return the calls that may start in one period */
    public int getLimitForPeriod() {
        return limitForPeriod;
    }

    /** @param limitForPeriod the calls that may start in one period */
    public void setLimitForPeriod(int limitForPeriod) {
        this.limitForPeriod = limitForPeriod;
    }

    /** @return the length of one period */
    public Duration getLimitRefreshPeriod() {
        return limitRefreshPeriod;
    }

    /** @param limitRefreshPeriod the length of one period */
    public void setLimitRefreshPeriod(Duration limitRefreshPeriod) {
        this.limitRefreshPeriod = limitRefreshPeriod;
    }

    /** @return how long a caller may wait for a permit */
    public Duration getTimeoutDuration() {
        return timeoutDuration;
    }

    /** @param timeoutDuration how long a caller may wait for a permit */
    public void setTimeoutDuration(Duration timeoutDuration) {
        this.timeoutDuration = timeoutDuration;
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
}
