package dev.resilience.spring.aop.composition;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;

/** The scenarios' methods, returning plain values; {@link AsyncService} has the same ones returning futures. */
public class SyncService {

    private final Script script = new Script();

    public Script script() {
        return script;
    }

    @Retry
    public String retried() {
        return script.call();
    }

    @Timeout
    public String timed() {
        return script.call();
    }

    @Fallback(method = "recover")
    public String recovered() {
        return script.call();
    }

    @Fallback(method = "recover", skipOn = Script.DownstreamException.class)
    public String skipping() {
        return script.call();
    }

    @CircuitBreaker
    @Timeout
    public String guardedTimed() {
        return script.call();
    }

    @Bulkhead
    @CircuitBreaker
    public String guardedBulkheaded() {
        return script.call();
    }

    @Retry
    @CircuitBreaker
    public String retriedGuarded() {
        return script.call();
    }

    @Fallback(method = "recover")
    @Retry
    public String recoveredRetried() {
        return script.call();
    }

    @Fallback(method = "recover")
    @Retry
    @CircuitBreaker
    @Timeout
    public String everything() {
        return script.call();
    }

    @Timeout
    @CircuitBreaker
    @Retry
    @Fallback(method = "recover")
    public String everythingReversed() {
        return script.call();
    }

    private String recover(Throwable failure) {
        return script.recover(failure);
    }
}
