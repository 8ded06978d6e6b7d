package dev.resilience.sample;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Stands in for a remote service: it fails and slows down as {@link Chaos} says, and counts the calls
 * that actually reached it, so one can see that an open breaker keeps calls away.
 */
@Component
public class FlakyDownstream {

    private final AtomicReference<Chaos> chaos = new AtomicReference<>(Chaos.NONE);
    private final AtomicLong calls = new AtomicLong();

    /**
     * One remote call.
     *
     * @param what what is asked for
     * @return the answer
     * @throws DownstreamException when chaos says this call fails
     */
    public String call(String what) {
        calls.incrementAndGet();
        Chaos current = chaos.get();
        if (current.latencyMs() > 0) {
            try {
                Thread.sleep(current.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownstreamException("interrupted while waiting for the downstream");
            }
        }
        if (current.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.failureRate()) {
            throw new DownstreamException("downstream failed for " + what);
        }
        return "ok:" + what;
    }

    /** @return the current chaos settings */
    public Chaos chaos() {
        return chaos.get();
    }

    /** @param settings the new chaos settings */
    public void chaos(Chaos settings) {
        chaos.set(settings);
    }

    /** @return how many calls reached the downstream */
    public long calls() {
        return calls.get();
    }
}
