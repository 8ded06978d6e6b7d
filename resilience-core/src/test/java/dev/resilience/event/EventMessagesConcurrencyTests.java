package dev.resilience.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Turning messages on while failures are published on many threads: every event carries either no message
 * or exactly its own failure's message, and every failure published after its thread saw the switch
 * carries it.
 */
@Tag("concurrency")
class EventMessagesConcurrencyTests {

    private static final int THREADS = 8;
    private static final int FAILURES_PER_THREAD = 2_000;

    @ParameterizedTest
    @MethodSource("dev.resilience.testing.ThreadKind#available")
    void eachEventHasNoMessageOrItsOwnAndTheSwitchIsSeenByEveryThread(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = CircuitBreaker.of("shared", CircuitBreakerConfig.defaults(), clock);
        // DISABLED lets every call through and still publishes its outcome
        breaker.disable();
        Queue<CircuitBreakerEvent.Failure> events = new ConcurrentLinkedQueue<>();
        // consumers run on the publishing thread, so this is the event of that thread's latest failure
        ThreadLocal<CircuitBreakerEvent.Failure> latest = new ThreadLocal<>();
        breaker.events().subscribe(EnumSet.of(EventType.FAILURE), event -> {
            events.add((CircuitBreakerEvent.Failure) event);
            latest.set((CircuitBreakerEvent.Failure) event);
        });
        Queue<String> wrong = new ConcurrentLinkedQueue<>();

        Concurrently.run(kind, THREADS, Duration.ofSeconds(30), thread -> {
            for (int i = 0; i < FAILURES_PER_THREAD; i++) {
                if (thread == 0 && i == FAILURES_PER_THREAD / 2) {
                    breaker.events().includeMessages(true);
                }
                boolean switchedBefore = breaker.events().includesMessages();
                String message = "thread " + thread + " failure " + i;
                breaker.acquirePermit().onError(clock.nanoTime(), new IllegalStateException(message));
                String carried = latest.get().message();
                if (carried != null && !carried.equals(message) || switchedBefore && carried == null) {
                    wrong.add(message + " carried " + carried);
                }
            }
        });

        assertThat(wrong).isEmpty();
        assertThat(events).hasSize(THREADS * FAILURES_PER_THREAD);
        assertThat(events).filteredOn(event -> event.message() != null).hasSizeGreaterThanOrEqualTo(FAILURES_PER_THREAD / 2);
    }
}
