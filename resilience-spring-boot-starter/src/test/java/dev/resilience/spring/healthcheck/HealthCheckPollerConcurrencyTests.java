package dev.resilience.spring.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks completing on their own threads, a thread moving the clock and callers racing the breaker: checks
 * never overlap, holds and releases strictly alternate (one transition per change of the signal), and stop
 * leaves nothing scheduled.
 */
@Tag("concurrency")
class HealthCheckPollerConcurrencyTests {

    private static final int CALLERS = 4;
    private static final int ADVANCES = 400;
    private static final int CALLS = 5_000;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void checksNeverOverlapAndEachSignalChangeMakesOneTransition(ThreadKind kind) {
        ManualClock clock = new ManualClock();
        InstanceRegistry<CircuitBreaker> registry = Breakers.registry(clock);
        CircuitBreaker breaker = registry.get("stock");
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(event -> {
            if (event instanceof CircuitBreakerEvent.StateTransition transition) {
                transitions.add(transition);
            }
        });
        AlternatingProbe probe = new AlternatingProbe(kind);
        HealthCheckSpec spec = new HealthCheckSpec("stock", "path", "stock", null, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 1, 1);
        HealthCheckPoller poller = new HealthCheckPoller(spec, probe, registry, clock, clock);
        poller.start();

        Concurrently.run(kind, CALLERS + 1, Duration.ofSeconds(60), index -> {
            if (index == 0) {
                for (int i = 0; i < ADVANCES; i++) {
                    // the next check is scheduled once the last one completed on its own thread: wait for it, bounded
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (clock.pendingTasks() == 0 && System.nanoTime() - deadline < 0) {
                        Thread.yield(); // let the completing threads and the callers run
                    }
                    clock.advance(Duration.ofSeconds(1));
                }
                return;
            }
            // bounded, not "until the clock thread is done": on virtual threads an endless caller could keep
            // the clock thread from ever being scheduled
            for (int call = 0; call < CALLS; call++) {
                try {
                    breaker.acquirePermit().onSuccess(clock.nanoTime());
                } catch (CircuitBreakerOpenException rejected) {
                    // rejected while held: nothing to record
                }
                Thread.yield();
            }
        });
        poller.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.inFlight.get() == 0);
        int checks = probe.checks.get();
        clock.advance(Duration.ofMinutes(1));

        assertThat(probe.mostInFlight).hasValue(1);
        assertThat(checks).as("every advance ran a check").isGreaterThanOrEqualTo(ADVANCES);
        assertThat(probe.checks).as("no check after stop").hasValue(checks);
        assertThat(clock.pendingTasks()).isZero();
        List<CircuitBreakerState> signalled = transitions.stream()
                .filter(t -> t.reason() == TransitionReason.HEALTH_CHECK).map(CircuitBreakerEvent.StateTransition::to)
                .toList();
        assertThat(signalled).isNotEmpty();
        for (int i = 0; i < signalled.size(); i++) {
            assertThat(signalled.get(i)).as("holds and releases alternate, starting with a hold")
                    .isEqualTo(i % 2 == 0 ? CircuitBreakerState.OPEN : CircuitBreakerState.HALF_OPEN);
        }
    }

    /** Unhealthy and healthy in turn; each check completes on a new thread of the test's kind. */
    private static final class AlternatingProbe implements HealthProbe {

        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        private final ThreadKind kind;

        AlternatingProbe(ThreadKind kind) {
            this.kind = kind;
        }

        @Override
        public String source() {
            return "alternating";
        }

        @Override
        public CompletableFuture<Result> check() {
            boolean healthy = checks.incrementAndGet() % 2 == 0;
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Result> future = new CompletableFuture<>();
            kind.factory().newThread(() -> {
                inFlight.decrementAndGet();
                future.complete(new Result(healthy, healthy ? "up" : "down"));
            }).start();
            return future;
        }
    }
}
