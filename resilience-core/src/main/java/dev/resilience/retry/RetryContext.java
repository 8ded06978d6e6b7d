package dev.resilience.retry;

import dev.resilience.retry.RetryEvent.Exhausted.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * One call's progress: the attempt number, when it started, and the failures so far (kept to be attached
 * as suppressed to the one that ends the call). Plain fields: a context belongs to one call, whose
 * outcomes arrive in order with a happens-before edge between them (see {@link Retry.Context}).
 */
final class RetryContext implements Retry.Context {

    private final DefaultRetry retry;
    private final RetryPolicy policy;
    private final long startNanos;
    private int attempt = 1;
    private List<Throwable> failures;
    private boolean retryAnnounced;
    private boolean over;

    RetryContext(DefaultRetry retry, RetryPolicy policy, long startNanos) {
        this.retry = retry;
        this.policy = policy;
        this.startNanos = startNanos;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public void onSuccess() {
        checkOpen();
        over = true;
        retry.succeeded(attempt);
    }

    @Override
    public long onFailure(Throwable failure) {
        return onFailure(failure, -1);
    }

    @Override
    public long onFailure(Throwable failure, long delayHintNanos) {
        if (failure == null) {
            throw new NullPointerException("failure");
        }
        checkOpen();
        if (!policy.retryable.test(failure)) {
            end(failure);
            retry.ignored(attempt, failure);
            return -1;
        }
        if (attempt >= policy.maxAttempts) {
            return exhausted(failure, Reason.MAX_ATTEMPTS);
        }
        long delay = delayHintNanos >= 0 ? delayHintNanos : policy.delays.delayNanos(attempt);
        long now = 0;
        long maxDuration = policy.maxDurationNanos;
        if (maxDuration > 0) {
            now = retry.nanoTime();
            if (delay > maxDuration - (now - startNanos)) {
                return exhausted(failure, Reason.MAX_DURATION);
            }
        }
        if (policy.budget != null) {
            if (maxDuration == 0) {
                now = retry.nanoTime();
            }
            if (!policy.budget.tryAcquireRetry(now)) {
                return exhausted(failure, Reason.BUDGET);
            }
        }
        if (failures == null) {
            failures = new ArrayList<>(Math.min(policy.maxAttempts, 8));
        }
        failures.add(failure);
        retry.retrying(attempt, delay, failure);
        attempt++;
        retryAnnounced = true;
        return delay;
    }

    @Override
    public boolean awaitRetry(long delayNanos) {
        if (!retryAnnounced) {
            throw new IllegalStateException("no retry was announced by onFailure");
        }
        if (SyncWait.await(retry.scheduler(), delayNanos)) {
            return true;
        }
        abandon();
        return false;
    }

    /**
     * {@link #onFailure(Throwable)}, then {@link #awaitRetry(long)} if a retry is announced: the catch
     * block of a synchronous loop in one call.
     *
     * @param failure what the attempt threw
     * @return {@code true} to make the next attempt; {@code false} if the call is over (rethrow the failure)
     */
    boolean retryAfter(Throwable failure) {
        long delay = onFailure(failure);
        return delay >= 0 && awaitRetry(delay);
    }

    @Override
    public Throwable abandon() {
        if (!retryAnnounced || over) {
            throw new IllegalStateException("no retry was announced by onFailure");
        }
        attempt--;
        Throwable last = failures.remove(failures.size() - 1);
        retry.retryWithdrawn();
        end(last);
        return last;
    }

    private long exhausted(Throwable failure, Reason reason) {
        end(failure);
        retry.exhausted(attempt, failure, reason);
        return -1;
    }

    /** Ends the call with {@code last}: earlier failures become its suppressed, the outcome is counted. */
    private void end(Throwable last) {
        over = true;
        if (failures != null) {
            for (int i = 0; i < failures.size(); i++) {
                Throwable earlier = failures.get(i);
                if (earlier != last && !seenBefore(i)) {
                    last.addSuppressed(earlier);
                }
            }
            failures = null;
        }
        retry.failed(attempt);
    }

    /** Whether the failure at {@code index} was thrown before (a shared exception instance), by identity. */
    private boolean seenBefore(int index) {
        Throwable failure = failures.get(index);
        for (int i = 0; i < index; i++) {
            if (failures.get(i) == failure) {
                return true;
            }
        }
        return false;
    }

    private void checkOpen() {
        if (over) {
            throw new IllegalStateException("the call is already over");
        }
        retryAnnounced = false;
    }
}
