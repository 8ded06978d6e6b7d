package dev.resilience.bulkhead;

import dev.resilience.BulkheadFullException.Reason;
import dev.resilience.event.EventPublisher.Subscription;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * A bulkhead's statistics: rejections by reason and queue waits, plus the queue-wait listeners. Only the
 * rejecting and queueing paths touch it, never an uncontended admission. Counters are {@link LongAdder}s
 * because rejections pile up exactly when many threads contend; listeners are a copy-on-write array read
 * with one volatile load.
 */
final class BulkheadCounters {

    private static final System.Logger LOGGER = System.getLogger(BulkheadCounters.class.getName());
    private static final LongConsumer[] NONE = {};

    private final LongAdder queueFull = new LongAdder();
    private final LongAdder queueTimeout = new LongAdder();
    private final LongAdder waitCount = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private volatile LongConsumer[] listeners = NONE;

    void rejected(Reason reason) {
        (reason == Reason.QUEUE_FULL ? queueFull : queueTimeout).increment();
    }

    /**
     * Records one caller's time in the queue and tells the listeners, on the calling thread.
     *
     * @param nanos how long it waited
     */
    void leftQueue(long nanos) {
        waitCount.increment();
        waitNanos.add(nanos);
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(nanos);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Queue-wait listener failed", e);
            }
        }
    }

    synchronized Subscription subscribe(LongConsumer listener) {
        Objects.requireNonNull(listener, "listener");
        // A wrapper of its own gives each subscription an identity, so cancelling one never drops another
        // subscription of the same listener.
        LongConsumer subscribed = listener::accept;
        LongConsumer[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[grown.length - 1] = subscribed;
        listeners = grown;
        return () -> unsubscribe(subscribed);
    }

    private synchronized void unsubscribe(LongConsumer subscribed) {
        listeners = Arrays.stream(listeners).filter(each -> each != subscribed).toArray(LongConsumer[]::new);
    }

    BulkheadSnapshot snapshot(int active, int queued, BulkheadConfig config) {
        long full = queueFull.sum();
        long timedOut = queueTimeout.sum();
        return new BulkheadSnapshot(active, queued, config.maxConcurrentCalls(), config.maxQueueSize(),
                full + timedOut, full, timedOut, waitCount.sum(), waitNanos.sum());
    }

    void reset() {
        queueFull.reset();
        queueTimeout.reset();
        waitCount.reset();
        waitNanos.reset();
    }
}
