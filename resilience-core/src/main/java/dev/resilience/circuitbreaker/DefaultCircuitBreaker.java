package dev.resilience.circuitbreaker;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The circuit breaker: one {@link AtomicReference} to an immutable-ish state object ({@link ClosedState},
 * {@link OpenState}, {@link HalfOpenState}, {@link ForcedOpenState}, {@link DisabledState}), replaced by
 * compare-and-set. Exactly one thread wins each transition and publishes its one STATE_TRANSITION event;
 * the new state starts empty. Subscribers receive transition events in the order the transitions
 * happened. Admitting and recording calls take no lock. Thread safe.
 */
final class DefaultCircuitBreaker implements CircuitBreaker {

    private final String name;
    // The configuration and what is derived from it: volatile, replaced together by reconfigure() under the
    // transition lock (a call running across the switch may read a mix of old and new for that one call).
    private volatile CircuitBreakerConfig config;
    private final TimeSource timeSource;
    private final EventPublisher<CircuitBreakerEvent> publisher = new EventPublisher<>();
    private final BreakerEvents events;
    private final CallStatistics statistics = new CallStatistics();
    private volatile long firstWaitNanos;
    private volatile long maxWaitNanos;
    private volatile double backoffMultiplier;
    volatile RateThresholds thresholds;
    volatile OutcomeRecorder outcomes;
    /** The moving threshold when {@code adaptive.enabled}, else null; replaced by reconfigure(). */
    private volatile AdaptiveThreshold adaptive;
    private final AtomicReference<BreakerState> state;
    /**
     * Makes a transition's CAS and the publication of its event one step. Without it, the thread that
     * moved OPEN to HALF_OPEN could be overtaken by a probe of the new state that fails and publishes
     * HALF_OPEN to OPEN first, leaving event-driven subscribers with the wrong last state. Taken only by
     * transitions (rare), never by admitting or recording a call. A ReentrantLock rather than
     * synchronized, so a virtual thread running subscribers under it does not pin its carrier on JDK 21.
     */
    private final ReentrantLock transitionLock = new ReentrantLock();

    DefaultCircuitBreaker(String name, CircuitBreakerConfig config, TimeSource timeSource) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.events = new BreakerEvents(name, timeSource, publisher);
        apply(Objects.requireNonNull(config, "config"));
        this.state = new AtomicReference<>(new ClosedState(this));
    }

    private void apply(CircuitBreakerConfig newConfig) {
        this.firstWaitNanos = nanos(newConfig.waitDurationInOpenState());
        this.maxWaitNanos = nanos(newConfig.maxWaitDurationInOpenState());
        this.backoffMultiplier = newConfig.openStateBackoffMultiplier();
        RateThresholds rules = newConfig.thresholds();
        AdaptiveThreshold previous = adaptive;
        if (!newConfig.adaptive().enabled()) {
            this.adaptive = null;
        } else if (previous != null && previous.continuesUnder(newConfig)) {
            rules = rules.withFailureRateThreshold(previous.current());
        } else {
            this.adaptive = new AdaptiveThreshold(newConfig);
        }
        this.thresholds = rules;
        this.outcomes = new OutcomeRecorder(timeSource, nanos(newConfig.slowCallDurationThreshold()),
                newConfig.classifier(), statistics, events);
        this.config = newConfig;
    }

    @Override
    public CircuitBreakerConfig reconfigure(CircuitBreakerConfig newConfig, String principal) {
        Objects.requireNonNull(newConfig, "newConfig");
        Objects.requireNonNull(principal, "principal");
        // Under the transition lock: no transition can interleave, so the state seen here is the one kept.
        transitionLock.lock();
        try {
            CircuitBreakerConfig old = config;
            apply(newConfig);
            BreakerState current = state.get();
            boolean windowChanged = old.slidingWindowType() != newConfig.slidingWindowType()
                    || old.slidingWindowSize() != newConfig.slidingWindowSize();
            if (windowChanged && current instanceof ClosedState) {
                // same state, new empty window; not a transition, so no event. A concurrent record on the old
                // window that wants to open the breaker loses its CAS, as if the window had been reset.
                state.set(new ClosedState(this));
            } else {
                current.reconfigured();
            }
            // under the lock: changes are published in the order they were applied
            ConfigChanges.publish(publisher, name, timeSource.epochMillis(), principal, old.asMap(), newConfig.asMap());
            return old;
        } finally {
            transitionLock.unlock();
        }
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CircuitBreakerConfig config() {
        return config;
    }

    @Override
    public float failureRateThreshold() {
        return (float) thresholds.failureRateThreshold();
    }

    /**
     * A CLOSED window filled with unreported calls (at most once per window length, never per call):
     * moves an adaptive threshold. Under the transition lock, so that it cannot interleave with
     * reconfigure() or a transition; a window of a state the breaker has left is ignored (it may hold the
     * calls that opened it). The lock is only tried: a report that meets a transition or reconfiguration in
     * progress is dropped (the breaker is likely leaving that window anyway), and a time window reporting
     * from a snapshot() made by a transition subscriber of another breaker can never deadlock with it.
     *
     * @param from the CLOSED state whose window filled
     * @param calls calls in the window
     * @param failed failures among them
     */
    void windowTurned(ClosedState from, long calls, long failed) {
        if (adaptive == null) {
            return;
        }
        if (!transitionLock.tryLock()) {
            return;
        }
        try {
            AdaptiveThreshold rule = adaptive;
            if (rule == null || state.get() != from) {
                return;
            }
            double next = rule.sample(calls, failed);
            if (next != thresholds.failureRateThreshold()) {
                thresholds = thresholds.withFailureRateThreshold(next);
                from.reconfigured();
            }
        } finally {
            transitionLock.unlock();
        }
    }

    @Override
    public CircuitBreakerState state() {
        return state.get().kind();
    }

    @Override
    public CircuitBreakerSnapshot snapshot() {
        long now = timeSource.nanoTime();
        BreakerState current = state.get();
        return statistics.snapshot(current.kind(), current.counts(now), thresholds.minimumCalls(),
                current.remainingWaitNanos(now));
    }

    @Override
    public EventPublisher<CircuitBreakerEvent> events() {
        return publisher;
    }

    @Override
    public TimeSource timeSource() {
        return timeSource;
    }

    @Override
    public Permit acquirePermit() {
        while (true) {
            BreakerState permit = state.get().tryAcquire();
            if (permit != null) {
                return permit;
            }
        }
    }

    @Override
    public Call acquire() {
        BreakerState permit = (BreakerState) acquirePermit();
        return new BreakerCall(permit, timeSource.nanoTime());
    }

    @Override
    public <T> T call(Callable<T> callable) throws Exception {
        Permit permit = acquirePermit();
        long start = timeSource.nanoTime();
        T result;
        try {
            result = callable.call();
        } catch (Throwable error) {
            permit.onError(start, error);
            throw error;
        }
        permit.onResult(start, result);
        return result;
    }

    @Override
    public <T> T get(Supplier<T> supplier) {
        Permit permit = acquirePermit();
        long start = timeSource.nanoTime();
        T result;
        try {
            result = supplier.get();
        } catch (Throwable error) {
            permit.onError(start, error);
            throw error;
        }
        permit.onResult(start, result);
        return result;
    }

    @Override
    public void run(Runnable runnable) {
        Permit permit = acquirePermit();
        long start = timeSource.nanoTime();
        try {
            runnable.run();
        } catch (Throwable error) {
            permit.onError(start, error);
            throw error;
        }
        permit.onSuccess(start);
    }

    @Override
    public void reset() {
        statistics.reset();
        manual(new ClosedState(this));
    }

    @Override
    public void forceOpen() {
        manual(new ForcedOpenState(this));
    }

    @Override
    public void disable() {
        manual(new DisabledState(this));
    }

    @Override
    public boolean holdOpen(String reason) {
        Objects.requireNonNull(reason, "reason");
        return signal(current -> HeldOpenState.hold(current, reason, timeSource.nanoTime()), reason);
    }

    @Override
    public boolean releaseHold(String reason) {
        Objects.requireNonNull(reason, "reason");
        return signal(HeldOpenState::release, reason);
    }

    @Override
    public String holdReason() {
        return state.get() instanceof HeldOpenState held ? held.reason() : null;
    }

    /**
     * An external signal's transition: under the transition lock, so the state it is computed from is the
     * one it replaces (every state write holds this lock) and its event is published in order.
     *
     * @param next the new state for the current one, or null for no change
     * @param detail the signal's text, for the event
     * @return whether a transition happened
     */
    private boolean signal(UnaryOperator<BreakerState> next, String detail) {
        transitionLock.lock();
        try {
            BreakerState from = state.get();
            BreakerState to = next.apply(from);
            if (to == null) {
                return false;
            }
            state.set(to);
            events.transition(from.kind(), to.kind(), TransitionReason.HEALTH_CHECK, detail);
            return true;
        } finally {
            transitionLock.unlock();
        }
    }

    /** Manual changes always win: one atomic swap, one event, whatever the state was (even the same). */
    private void manual(BreakerState to) {
        transitionLock.lock();
        try {
            BreakerState from = state.getAndSet(to);
            events.transition(from.kind(), to.kind(), TransitionReason.MANUAL);
        } finally {
            transitionLock.unlock();
        }
    }

    /**
     * Moves from one state to another if the breaker is still in the first.
     *
     * @param from the state asking for the transition
     * @param to the new state
     * @param reason why
     * @return {@code true} if this caller made the transition (and published its event)
     */
    boolean transition(BreakerState from, BreakerState to, TransitionReason reason) {
        if (state.get() != from) {
            return false; // already left: callers racing a transition they lost do not queue on the lock
        }
        transitionLock.lock();
        try {
            if (!state.compareAndSet(from, to)) {
                return false;
            }
            events.transition(from.kind(), to.kind(), reason);
            return true;
        } finally {
            transitionLock.unlock();
        }
    }

    /**
     * Counts and announces a rejected call.
     *
     * @param rejecting the state that refused it
     * @param remainingWaitNanos time until a probe may pass, zero if unknown
     * @return the exception to throw
     */
    CircuitBreakerOpenException reject(CircuitBreakerState rejecting, long remainingWaitNanos) {
        statistics.notPermitted();
        events.notPermitted(rejecting);
        return new CircuitBreakerOpenException(name, rejecting, Duration.ofNanos(remainingWaitNanos),
                config.writableStackTrace());
    }

    /** @return the wait of an OPEN state entered from CLOSED */
    long firstWaitNanos() {
        return firstWaitNanos;
    }

    /**
     * The wait of an OPEN state whose opening call said how long to wait (an HTTP {@code Retry-After}).
     *
     * @param hintNanos the wait asked for, zero or more
     * @return the hint, capped by the maximum wait
     */
    long hintedWaitNanos(long hintNanos) {
        return Math.min(hintNanos, maxWaitNanos);
    }

    /**
     * The wait of an OPEN state re-entered from HALF_OPEN (ruling 4).
     *
     * @param previousWaitNanos the wait of the OPEN state before the HALF_OPEN
     * @return the previous wait times the backoff multiplier, capped by the maximum
     */
    long nextWaitNanos(long previousWaitNanos) {
        double next = previousWaitNanos * backoffMultiplier;
        return next >= maxWaitNanos ? maxWaitNanos : (long) next;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state.get() + "]";
    }
}
