package dev.resilience.circuitbreaker;

/**
 * One state of a breaker, held in the breaker's single volatile state field. The state object that
 * admits a call is also the call's {@link CircuitBreaker.Permit}: it is shared by every call it admits, so
 * admitting allocates nothing, and an outcome always goes back to the state that admitted the call.
 * A state the breaker has since left keeps its own window and counters, so a late outcome can never
 * touch the new state's window or probe slots; it still counts in the cumulative statistics, and any
 * transition it asks for fails, because transitions compare-and-set from the asking state.
 *
 * <p>Every subclass is thread safe. Transitions always create a new state object, so each state starts
 * with an empty window (ruling 3).
 */
abstract class BreakerState implements CircuitBreaker.Permit {

    final DefaultCircuitBreaker breaker;

    BreakerState(DefaultCircuitBreaker breaker) {
        this.breaker = breaker;
    }

    /** @return the public name of this state */
    abstract CircuitBreakerState kind();

    /**
     * Asks this state to admit a call.
     *
     * @return the permit, or null if this state was just left and the caller must ask the new one
     * @throws dev.resilience.CircuitBreakerOpenException if the call is not permitted
     */
    abstract BreakerState tryAcquire();

    /**
     * Takes one recorded outcome (not an ignored one) of a call this state admitted.
     *
     * @param outcome {@link SlidingWindow#RECORDED}, optionally with {@link SlidingWindow#FAILED} and
     *     {@link SlidingWindow#SLOW}
     * @param endNanos the call's end time
     */
    abstract void record(int outcome, long endNanos);

    /**
     * Takes one recorded outcome that carries the downstream's own open wait (see
     * {@link CircuitBreaker.Permit#onStatus(long, int, long)}). States that can open the breaker use it;
     * the others record as usual.
     *
     * @param outcome as for {@link #record(int, long)}
     * @param endNanos the call's end time
     * @param openWaitHintNanos the OPEN wait to use if this outcome opens the breaker, or -1 for the configured one
     */
    void record(int outcome, long endNanos, long openWaitHintNanos) {
        record(outcome, endNanos);
    }

    /** A call this state admitted ended without a recorded outcome (ignored or released). */
    void giveBack() {
    }

    /**
     * @param nowNanos the current time
     * @return this state's window figures
     */
    WindowCounts counts(long nowNanos) {
        return WindowCounts.EMPTY;
    }

    /**
     * @param nowNanos the current time
     * @return nanoseconds until a probe is let through; zero except in OPEN
     */
    long remainingWaitNanos(long nowNanos) {
        return 0;
    }

    @Override
    public final void onSuccess(long startNanos) {
        breaker.outcomes.success(this, startNanos);
    }

    @Override
    public final void onResult(long startNanos, Object result) {
        breaker.outcomes.result(this, startNanos, result);
    }

    @Override
    public final void onError(long startNanos, Throwable error) {
        breaker.outcomes.error(this, startNanos, error);
    }

    @Override
    public final void onStatus(long startNanos, int status, long openWaitHintNanos) {
        breaker.outcomes.status(this, startNanos, status, openWaitHintNanos);
    }

    @Override
    public final void release() {
        giveBack();
    }

    @Override
    public String toString() {
        return kind().name();
    }

    /**
     * Called under the transition lock after the breaker's configuration was replaced (window type and size
     * unchanged): a state that copied settings when it was created takes the new ones. Default: nothing.
     */
    void reconfigured() {
    }
}
