package dev.resilience.circuitbreaker;

/**
 * A permitted call in a try-with-resources block; reads its start time when created. Closing it without
 * an outcome records a failure (an abandoned call, reported with no exception class). Not thread safe.
 */
final class BreakerCall implements CircuitBreaker.Call {

    private final BreakerState permit;
    private final long startNanos;
    private boolean done;

    BreakerCall(BreakerState permit, long startNanos) {
        this.permit = permit;
        this.startNanos = startNanos;
    }

    @Override
    public void success() {
        finish();
        permit.onSuccess(startNanos);
    }

    @Override
    public void failure(Throwable error) {
        finish();
        permit.onError(startNanos, error);
    }

    @Override
    public void close() {
        if (!done) {
            done = true;
            permit.breaker.outcomes.failure(permit, startNanos, null, -1);
        }
    }

    private void finish() {
        if (done) {
            throw new IllegalStateException("this call's outcome was already recorded");
        }
        done = true;
    }
}
