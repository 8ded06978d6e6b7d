package dev.resilience.timeout;

import dev.resilience.time.Scheduler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One asynchronous call under a timeout, and (as a {@link Runnable}) its deadline task. Three parties
 * race to decide the outcome: the stage completing, the deadline task, and the caller cancelling the
 * returned future. Each first wins a CAS on the state (RUNNING → DONE or RUNNING → TIMED_OUT), so every
 * call is counted exactly once and the returned future is completed by the winner only. No thread blocks.
 *
 * @param <T> the result type
 */
final class AsyncTimeoutCall<T> implements Runnable, BiConsumer<T, Throwable> {

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int TIMED_OUT = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(AsyncTimeoutCall.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DefaultTimeout timeout;
    private final long startNanos;
    private final long allowedNanos;
    private final boolean cancelRunning;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile int state;
    private volatile Scheduler.Cancellable timer;
    private volatile CompletionStage<T> stage;

    private AsyncTimeoutCall(DefaultTimeout timeout, long startNanos, long allowedNanos, boolean cancelRunning) {
        this.timeout = timeout;
        this.startNanos = startNanos;
        this.allowedNanos = allowedNanos;
        this.cancelRunning = cancelRunning;
    }

    static <T> CompletableFuture<T> start(DefaultTimeout timeout, Supplier<? extends CompletionStage<T>> supplier) {
        TimeoutConfig config = timeout.config(); // read once: the whole call uses one configuration
        long now = timeout.nanoTime();
        long allowed = SyncTimeoutCall.allowedNanos(config.durationNanos(), now);
        if (allowed <= 0) {
            timeout.timedOut();
            timeout.publishTimedOut(0);
            return CompletableFuture.failedFuture(timeout.exception(0));
        }
        AsyncTimeoutCall<T> call = new AsyncTimeoutCall<>(timeout, now, allowed, config.cancelRunning());
        call.timer = timeout.scheduler().schedule(call, allowed);
        call.result.whenComplete((value, error) -> {
            if (call.result.isCancelled()) {
                call.onCancelled();
            }
        });
        CompletionStage<T> stage;
        try {
            stage = supplier.get();
            if (stage == null) {
                throw new NullPointerException("the supplier returned no CompletionStage");
            }
        } catch (Throwable failure) {
            call.accept(null, failure);
            return call.result;
        }
        call.stage = stage;
        if (call.state == TIMED_OUT) {
            call.cancelStage();
        }
        stage.whenComplete(call);
        return call.result;
    }

    /** The deadline task. */
    @Override
    public void run() {
        if (!STATE.compareAndSet(this, RUNNING, TIMED_OUT)) {
            return;
        }
        timeout.timedOut();
        result.completeExceptionally(timeout.exception(allowedNanos));
        cancelStage();
        timeout.publishTimedOut(allowedNanos);
    }

    /** The stage completed. */
    @Override
    public void accept(T value, Throwable error) {
        if (!STATE.compareAndSet(this, RUNNING, DONE)) {
            return;
        }
        timer.cancel();
        if (error == null) {
            timeout.succeeded(startNanos);
            result.complete(value);
        } else {
            Throwable failure = unwrap(error);
            timeout.failed(startNanos, failure.getClass(), failure);
            result.completeExceptionally(failure);
        }
    }

    private void onCancelled() {
        if (!STATE.compareAndSet(this, RUNNING, DONE)) {
            return;
        }
        timer.cancel();
        timeout.failed(startNanos, CancellationException.class, null);
        cancelStage();
    }

    private void cancelStage() {
        CompletionStage<T> running = stage;
        if (running == null || !cancelRunning) {
            return;
        }
        try {
            running.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException notCancellable) {
            // a stage that cannot be seen as a future cannot be cancelled; the caller is released anyway
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable failure = error;
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
