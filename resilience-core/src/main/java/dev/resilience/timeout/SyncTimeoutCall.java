package dev.resilience.timeout;

import dev.resilience.TimeoutExceededException;
import dev.resilience.time.Scheduler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One synchronous call under a timeout, and (as a {@link Runnable}) its deadline task.
 *
 * <h2>The race between finishing and the deadline</h2>
 * The state starts RUNNING. The caller, when the call ends, tries RUNNING → FINISHED; the deadline task
 * tries RUNNING → INTERRUPTING, interrupts the thread, then sets TIMED_OUT. Exactly one CAS wins:
 * <ul>
 * <li>caller wins: the call counts as in time; the task, if it runs at all, finds FINISHED and does
 *     nothing, so no interrupt can reach the thread after the call;</li>
 * <li>task wins: the caller spins (for the few instructions of {@code Thread.interrupt()}) until TIMED_OUT,
 *     so the interrupt has been delivered, then clears it, so it does not leak into whatever the thread
 *     does next. It is not cleared if the thread was already interrupted before the task's interrupt (the
 *     task records that before interrupting), and it is set again if an enclosing timeout on this thread
 *     has expired meanwhile (its interrupt may have been the one just cleared).</li>
 * </ul>
 * A nested call's deadline task marks the enclosing calls before it interrupts, so that an enclosing
 * task firing while that interrupt is still pending does not mistake it for someone else's and leave it
 * set when the enclosing call ends.
 * {@code interruptedBefore} is a plain field: written by the task before its volatile write of TIMED_OUT,
 * read by the caller after its volatile read of TIMED_OUT. {@code thread} is written once before the task
 * is scheduled and cleared by the caller only after winning (then the task never reads it).
 *
 * <p>Without {@code cancel-running} nothing is scheduled: the caller compares the elapsed time with the
 * time allowed when the call ends.
 *
 * <h2>Deadline propagation</h2>
 * {@link #CURRENT} holds the innermost call of the thread; each call links to the one it is nested in and
 * puts it back when it ends, so nesting costs no allocation beyond the call object itself.
 */
final class SyncTimeoutCall implements Timeout.Call, Runnable {

    private static final ThreadLocal<SyncTimeoutCall> CURRENT = new ThreadLocal<>();

    private static final int RUNNING = 0;
    private static final int INTERRUPTING = 1;
    private static final int TIMED_OUT = 2;
    private static final int FINISHED = 3;
    private static final int SPINS_BEFORE_YIELD = 100;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SyncTimeoutCall.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DefaultTimeout timeout;
    private final SyncTimeoutCall enclosing;
    private final long startNanos;
    private final long deadlineNanos;
    private final long allowedNanos;
    private Thread thread;
    private Scheduler.Cancellable timer;
    private boolean interruptedBefore;
    private volatile boolean interruptedByInner;
    private boolean ended;
    private volatile int state;

    private SyncTimeoutCall(DefaultTimeout timeout, SyncTimeoutCall enclosing, long startNanos, long allowedNanos) {
        this.timeout = timeout;
        this.enclosing = enclosing;
        this.startNanos = startNanos;
        this.allowedNanos = allowedNanos;
        this.deadlineNanos = startNanos + allowedNanos;
    }

    /**
     * Starts a call on the current thread.
     *
     * @throws TimeoutExceededException if an enclosing call on this thread has no time left
     */
    static SyncTimeoutCall start(DefaultTimeout timeout) {
        TimeoutConfig config = timeout.config(); // read once: the whole call uses one configuration
        long now = timeout.nanoTime();
        SyncTimeoutCall enclosing = CURRENT.get();
        long allowed = allowedNanos(config.durationNanos(), enclosing, now);
        if (allowed <= 0) {
            timeout.timedOut();
            timeout.publishTimedOut(0);
            throw timeout.exception(0);
        }
        SyncTimeoutCall call = new SyncTimeoutCall(timeout, enclosing, now, allowed);
        if (config.cancelRunning()) {
            call.thread = Thread.currentThread();
            call.timer = timeout.scheduler().schedule(call, allowed);
        }
        CURRENT.set(call);
        return call;
    }

    /** The time a call starting now may take: its own duration, or less if the enclosing call has less left. */
    static long allowedNanos(long durationNanos, long now) {
        return allowedNanos(durationNanos, CURRENT.get(), now);
    }

    private static long allowedNanos(long durationNanos, SyncTimeoutCall enclosing, long now) {
        if (enclosing == null) {
            return durationNanos;
        }
        return Math.min(durationNanos, enclosing.deadlineNanos - now);
    }

    /** The deadline task. */
    @Override
    public void run() {
        if (!STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
            return;
        }
        timeout.timedOut();
        for (SyncTimeoutCall outer = enclosing; outer != null; outer = outer.enclosing) {
            outer.interruptedByInner = true;
        }
        Thread target = thread;
        interruptedBefore = target.isInterrupted() && !interruptedByInner;
        target.interrupt();
        state = TIMED_OUT;
        timeout.publishTimedOut(allowedNanos);
    }

    @Override
    public void onSuccess() {
        if (!finishInTime()) {
            throw timeout.exception(allowedNanos);
        }
        timeout.succeeded(startNanos);
    }

    @Override
    public Throwable onError(Throwable error) {
        if (finishInTime()) {
            timeout.failed(startNanos, error.getClass(), error);
            return error;
        }
        TimeoutExceededException exceeded = timeout.exception(allowedNanos);
        if (error != null && error != exceeded) {
            exceeded.addSuppressed(error);
        }
        return exceeded;
    }

    /** Ends the call: puts the enclosing deadline back and settles the race with the deadline task. */
    private boolean finishInTime() {
        if (ended) {
            throw new IllegalStateException("the call already has its outcome");
        }
        ended = true;
        CURRENT.set(enclosing);
        if (timer == null) {
            // cancel-running is off: no deadline task, the clock alone decides
            if (timeout.nanoTime() - startNanos < allowedNanos) {
                return true;
            }
            timeout.timedOut();
            timeout.publishTimedOut(allowedNanos);
            return false;
        }
        if (STATE.compareAndSet(this, RUNNING, FINISHED)) {
            thread = null;
            timer.cancel();
            return true;
        }
        awaitInterruptDelivered();
        if (!interruptedBefore) {
            Thread.interrupted();
            if (enclosingExpired()) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    private void awaitInterruptDelivered() {
        int spins = 0;
        while (state == INTERRUPTING) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private boolean enclosingExpired() {
        for (SyncTimeoutCall outer = enclosing; outer != null; outer = outer.enclosing) {
            if (outer.state == INTERRUPTING || outer.state == TIMED_OUT) {
                return true;
            }
        }
        return false;
    }
}
