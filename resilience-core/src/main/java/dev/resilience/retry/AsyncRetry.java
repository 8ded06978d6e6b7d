package dev.resilience.retry;

import dev.resilience.time.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One asynchronous call: each attempt's stage reports to this object, which either completes the result
 * or schedules the next attempt on the scheduler (this object is the scheduled task, so a retry allocates
 * only what the scheduler does). No thread ever waits.
 *
 * <p>Cancellation by the caller: the attempt in flight is cancelled (its failure then ends the call), and a
 * retry that is scheduled but not started is withdrawn. Exactly one party withdraws it: whoever gets
 * {@code true} from {@link Scheduler.Cancellable#cancel()}, or the task itself if it starts and sees the
 * result done. {@code pending} and the result's state are both volatile, so of "schedule, then check
 * done" here and "complete, then read pending" in the cancel hook, at least one sees the other.
 *
 * @param <T> the result type
 */
final class AsyncRetry<T> implements Runnable, BiConsumer<T, Throwable> {

    private final Supplier<? extends CompletionStage<T>> supplier;
    private final Retry.Context context;
    private final Scheduler scheduler;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile CompletionStage<T> inFlight;
    private volatile Scheduler.Cancellable pending;

    AsyncRetry(Supplier<? extends CompletionStage<T>> supplier, Retry.Context context, Scheduler scheduler) {
        this.supplier = supplier;
        this.context = context;
        this.scheduler = scheduler;
    }

    CompletableFuture<T> start() {
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                onCancelled();
            }
        });
        attempt();
        return result;
    }

    /** A scheduled retry starts. */
    @Override
    public void run() {
        if (result.isDone()) {
            context.abandon();
            return;
        }
        attempt();
    }

    private void attempt() {
        CompletionStage<T> stage;
        try {
            stage = supplier.get();
            if (stage == null) {
                throw new NullPointerException("the supplier returned no CompletionStage");
            }
        } catch (Throwable failure) {
            accept(null, failure);
            return;
        }
        inFlight = stage;
        stage.whenComplete(this);
    }

    /** An attempt completed. */
    @Override
    public void accept(T value, Throwable error) {
        if (error == null) {
            context.onSuccess();
            result.complete(value);
            return;
        }
        Throwable failure = unwrap(error);
        long delay = context.onFailure(failure);
        if (delay < 0) {
            result.completeExceptionally(failure);
            return;
        }
        if (result.isDone()) {
            context.abandon();
            return;
        }
        Scheduler.Cancellable task = scheduler.schedule(this, delay);
        pending = task;
        if (result.isDone() && task.cancel()) {
            context.abandon();
        }
    }

    private void onCancelled() {
        Scheduler.Cancellable task = pending;
        if (task != null && task.cancel()) {
            context.abandon();
        }
        CompletionStage<T> stage = inFlight;
        if (stage != null) {
            try {
                stage.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException notCancellable) {
                // a stage that cannot be seen as a future cannot be cancelled; its outcome still ends the call
            }
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
