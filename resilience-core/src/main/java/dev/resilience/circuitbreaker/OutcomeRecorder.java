package dev.resilience.circuitbreaker;

import dev.resilience.event.EventType;
import dev.resilience.time.TimeSource;

/**
 * Turns a call's outcome into statistics, events and a window entry: reads the end time (the only clock
 * read the breaker makes for a call), classifies, updates the cumulative statistics, publishes the
 * outcome event (and SLOW_CALL for a slow call) if anyone listens, then hands the outcome to the state
 * that admitted the call. Allocation free when nobody listens. Thread safe.
 */
final class OutcomeRecorder {

    private final TimeSource timeSource;
    private final long slowCallNanos;
    private final OutcomeClassifier classifier;
    private final CallStatistics statistics;
    private final BreakerEvents events;

    OutcomeRecorder(TimeSource timeSource, long slowCallNanos, OutcomeClassifier classifier,
            CallStatistics statistics, BreakerEvents events) {
        this.timeSource = timeSource;
        this.slowCallNanos = slowCallNanos;
        this.classifier = classifier;
        this.statistics = statistics;
        this.events = events;
    }

    void success(BreakerState state, long startNanos) {
        long end = timeSource.nanoTime();
        long nanos = Math.max(0, end - startNanos);
        boolean slow = nanos >= slowCallNanos;
        statistics.success(nanos, slow);
        events.success(nanos, slow);
        state.record(slow ? SlidingWindow.RECORDED | SlidingWindow.SLOW : SlidingWindow.RECORDED, end);
    }

    void result(BreakerState state, long startNanos, Object result) {
        int status = classifier.statusOf(result);
        if (classifier.isFailureStatus(status)) {
            failure(state, startNanos, null, status);
        } else {
            success(state, startNanos);
        }
    }

    void status(BreakerState state, long startNanos, int status, long openWaitHintNanos) {
        if (classifier.isFailureStatus(status)) {
            failure(state, startNanos, null, status, openWaitHintNanos);
        } else {
            success(state, startNanos);
        }
    }

    void error(BreakerState state, long startNanos, Throwable error) {
        switch (classifier.classifyError(error)) {
            case SUCCESS -> success(state, startNanos);
            case FAILURE -> failure(state, startNanos, error,
                    events.wants(EventType.FAILURE) ? classifier.statusOf(error) : -1);
            case IGNORED -> ignored(state, startNanos, error);
        }
    }

    /**
     * Records a failure.
     *
     * @param state the admitting state
     * @param startNanos the call's start
     * @param error what was thrown, or null (a failure status, or a call abandoned without an outcome)
     * @param status the failure status, or -1
     */
    void failure(BreakerState state, long startNanos, Throwable error, int status) {
        failure(state, startNanos, error, status, -1);
    }

    private void failure(BreakerState state, long startNanos, Throwable error, int status, long openWaitHintNanos) {
        long end = timeSource.nanoTime();
        long nanos = Math.max(0, end - startNanos);
        boolean slow = nanos >= slowCallNanos;
        statistics.failure(nanos, slow);
        events.failure(nanos, slow, error, status);
        int outcome = SlidingWindow.RECORDED | SlidingWindow.FAILED;
        state.record(slow ? outcome | SlidingWindow.SLOW : outcome, end, openWaitHintNanos);
    }

    private void ignored(BreakerState state, long startNanos, Throwable error) {
        long nanos = Math.max(0, timeSource.nanoTime() - startNanos);
        statistics.ignored(nanos);
        events.ignored(nanos, error);
        state.giveBack();
    }
}
