package dev.resilience.circuitbreaker;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.event.ConfigChanges;
import dev.resilience.event.EventPublisher;
import dev.resilience.time.TimeSource;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The circuit breaker: one volatile reference to an immutable-ish state object ({@link ClosedState},
 * {@link OpenState}, {@link HalfOpenState}, {@link ForcedOpenState}, {@link DisabledState}), replaced by
 * compare-and-set. Exactly one thread wins each transition and publishes its one STATE_TRANSITION event;
 * the new state starts empty. Subscribers receive transition events in the order the transitions
 * happened. Admitting and recording calls take no lock. Thread safe.
 */
final class DefaultCircuitBreaker implements CircuitBreaker {

    private static final VarHandle STATE;
    private static final VarHandle TRANSITION_LOCK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(DefaultCircuitBreaker.class, "state", BreakerState.class);
            TRANSITION_LOCK = lookup.findVarHandle(DefaultCircuitBreaker.class, "transitionLock", ReentrantLock.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
    /**
     * Written only under the transition lock (compare-and-set or plain write). A field with a VarHandle
     * rather than an AtomicReference: one object less per breaker, one indirection less per call.
     */
    private volatile BreakerState state;
    /**
     * Makes a transition's CAS and the publication of its event one step. Without it, the thread that
     * moved OPEN to HALF_OPEN could be overtaken by a probe of the new state that fails and publishes
     * HALF_OPEN to OPEN first, leaving event-driven subscribers with the wrong last state. Taken only by
     * transitions (rare), never by admitting or recording a call. A ReentrantLock rather than
     * synchronized, so a virtual thread running subscribers under it does not pin its carrier on JDK 21.
     * Created by the first transition or reconfiguration ({@link #transitionLock()}): most keyed breakers
     * never make one, and the lock costs 48 bytes.
     */
    private volatile ReentrantLock transitionLock;

    DefaultCircuitBreaker(String name, CircuitBreakerConfig config, TimeSource timeSource) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        this.events = new BreakerEvents(name, timeSource, publisher);
        apply(Objects.requireNonNull(config, "config"));
        this.state = new ClosedState(this);
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
        ReentrantLock lock = transitionLock();
        lock.lock();
        try {
            CircuitBreakerConfig old = config;
            apply(newConfig);
            BreakerState current = state;
            boolean windowChanged = old.slidingWindowType() != newConfig.slidingWindowType()
                    || old.slidingWindowSize() != newConfig.slidingWindowSize();
            if (windowChanged && current instanceof ClosedState) {
                // same state, new empty window; not a transition, so no event. A concurrent record on the old
                // window that wants to open the breaker loses its CAS, as if the window had been reset.
                state = new ClosedState(this);
            } else {
                current.reconfigured();
            }
            // under the lock: changes are published in the order they were applied
            ConfigChanges.publish(publisher, name, timeSource.epochMillis(), principal, old.asMap(), newConfig.asMap());
            return old;
        } finally {
            lock.unlock();
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
        ReentrantLock lock = transitionLock();
        if (!lock.tryLock()) {
            return;
        }
        try {
            AdaptiveThreshold rule = adaptive;
            if (rule == null || state != from) {
                return;
            }
            double next = rule.sample(calls, failed);
            if (next != thresholds.failureRateThreshold()) {
                thresholds = thresholds.withFailureRateThreshold(next);
                from.reconfigured();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CircuitBreakerState state() {
        return state.kind();
    }

    @Override
    public CircuitBreakerSnapshot snapshot() {
        long now = timeSource.nanoTime();
        BreakerState current = state;
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
            BreakerState permit = state.tryAcquire();
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
        return state instanceof HeldOpenState held ? held.reason() : null;
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
        ReentrantLock lock = transitionLock();
        lock.lock();
        try {
            BreakerState from = state;
            BreakerState to = next.apply(from);
            if (to == null) {
                return false;
            }
            state = to;
            events.transition(from.kind(), to.kind(), TransitionReason.HEALTH_CHECK, detail);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Manual changes always win: one atomic swap, one event, whatever the state was (even the same). */
    private void manual(BreakerState to) {
        ReentrantLock lock = transitionLock();
        lock.lock();
        try {
            BreakerState from = (BreakerState) STATE.getAndSet(this, to);
            events.transition(from.kind(), to.kind(), TransitionReason.MANUAL);
        } finally {
            lock.unlock();
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
        if (state != from) {
            return false; // already left: callers racing a transition they lost do not queue on the lock
        }
        ReentrantLock lock = transitionLock();
        lock.lock();
        try {
            if (!STATE.compareAndSet(this, from, to)) {
                return false;
            }
            events.transition(from.kind(), to.kind(), reason);
            return true;
        } finally {
            lock.unlock();
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

    /**
     * @return the transition lock, created by the first caller that needs it; a caller that loses the
     *     creating CAS takes the winner's lock, so every caller locks the same one
     */
    private ReentrantLock transitionLock() {
        ReentrantLock lock = transitionLock;
        if (lock != null) {
            return lock;
        }
        ReentrantLock created = new ReentrantLock();
        ReentrantLock witness = (ReentrantLock) TRANSITION_LOCK.compareAndExchange(this, (ReentrantLock) null, created);
        return witness == null ? created : witness;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state + "]";
    }
}
