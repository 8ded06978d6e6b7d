package dev.resilience.spring.config;

import java.time.Duration;

/**
 * The keys of one timeout, as written under {@code resilience.timeout.defaults}, {@code .presets.<preset>}
 * and {@code .instances.<name>}. Field initializers are the built-in defaults (the same as
 * {@link dev.resilience.timeout.TimeoutConfig#defaults()}). Mapped to the core configuration in one place,
 * {@link TimeoutMapping}.
 *
 * <p>Mutable JavaBean, not thread safe (see {@link InstanceSettings}).
 */
public class TimeoutSettings extends InstanceSettings {

    /** How long a call may run before the caller gets TimeoutExceededException. Greater than zero. */
    private Duration duration = Duration.ofSeconds(1);

    /** Whether a timed-out call is cut short: the running thread is interrupted, the returned future cancelled. */
    private boolean cancelRunning = true;

    /** Whether TimeoutExceededException captures a stack trace (off: timeouts are cheap). */
    private boolean writableStackTrace = false;

    /** @return how long a call may run */
    public Duration getDuration() {
        return duration;
    }

    /** @param duration how long a call may run */
    public void setDuration(Duration duration) {
        this.duration = duration;
    }

    /** @return whether running calls are cancelled at the deadline */
    public boolean isCancelRunning() {
        return cancelRunning;
    }

    /** @param cancelRunning whether running calls are cancelled at the deadline */
    public void setCancelRunning(boolean cancelRunning) {
        this.cancelRunning = cancelRunning;
    }

    /** @return whether timeout exceptions capture a stack trace */
    public boolean isWritableStackTrace() {
        return writableStackTrace;
    }

    /** @param writableStackTrace whether timeout exceptions capture a stack trace */
    public void setWritableStackTrace(boolean writableStackTrace) {
        this.writableStackTrace = writableStackTrace;
    }
}
