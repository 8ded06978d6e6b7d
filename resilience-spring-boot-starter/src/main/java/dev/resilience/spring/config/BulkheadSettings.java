package dev.resilience.spring.config;

import java.time.Duration;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The keys of one bulkhead, as written under {@code resilience.bulkhead.defaults},
 * {@code .presets.<preset>} and {@code .instances.<name>}. Field initializers are the built-in defaults
 * (the same as {@link dev.resilience.bulkhead.BulkheadConfig#defaults()}). Mapped to the core
 * configuration in one place, {@link BulkheadMapping}.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class BulkheadSettings extends InstanceSettings {

    /** Most calls that run at once; a further caller queues or is rejected. At least 1. */
    private int maxConcurrentCalls = 25;

    /** Most callers that wait for a slot when every slot is taken; 0 rejects them at once with QUEUE_FULL. At least 0. */
    private int maxQueueSize = 0;

    /** How long a queued caller waits for a slot before it is rejected with QUEUE_TIMEOUT. Zero or more; 0 = no waiting. */
    private Duration maxWaitDuration = Duration.ZERO;

    /** Most keyed instances (name[key]) kept per name; the least recently used is evicted beyond it. At least 1. */
    private int maxKeys = 1000;

    /** Whether BulkheadFullException captures a stack trace; off by default because rejections are frequent and the trace says nothing useful. */
    private boolean writableStackTrace = false;

    /** An adaptive concurrency limit (adaptive.enabled, adaptive.algorithm, adaptive.min-concurrent-calls, ...). */
    @NestedConfigurationProperty
    private final BulkheadAdaptiveSettings adaptive = new BulkheadAdaptiveSettings();

    /** @return the most calls that run at once */
    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /** @param maxConcurrentCalls the most calls that run at once */
    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /** @return the most callers that wait for a slot */
    public int getMaxQueueSize() {
        return maxQueueSize;
    }

    /** @param maxQueueSize the most callers that wait for a slot */
    public void setMaxQueueSize(int maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    /** @return how long a queued caller waits for a slot */
    public Duration getMaxWaitDuration() {
        return maxWaitDuration;
    }

    /** @param maxWaitDuration how long a queued caller waits for a slot */
    public void setMaxWaitDuration(Duration maxWaitDuration) {
        this.maxWaitDuration = maxWaitDuration;
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

    /** @return the adaptive limit's keys ({@code adaptive.*}) */
    public BulkheadAdaptiveSettings getAdaptive() {
        return adaptive;
    }
}
