package dev.resilience.spring.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HealthCheckPollerTests {

    private final ManualClock clock = new ManualClock();
    private final InstanceRegistry<CircuitBreaker> registry = Breakers.registry(clock);
    private final ScriptedProbe probe = new ScriptedProbe();

    private HealthCheckPoller poller(int unhealthyThreshold, int healthyThreshold) {
        HealthCheckSpec spec = new HealthCheckSpec("stock", "resilience.circuitbreaker.instances.stock.health-check",
                "stock", null, Duration.ofSeconds(10), Duration.ofSeconds(30), unhealthyThreshold, healthyThreshold);
        return new HealthCheckPoller(spec, probe, registry, clock, clock);
    }

    @Test
    void theFirstCheckRunsAtOnceAndEachNextOneAnIntervalAfterTheLastCompleted() {
        poller(1, 1).start();
        clock.runDueTasks();
        assertThat(probe.checks).hasValue(1);
        assertThat(clock.pendingTasks()).as("nothing scheduled while a check is in flight").isZero();

        clock.advance(Duration.ofSeconds(5));
        probe.answer(true, "fine");
        clock.advance(Duration.ofSeconds(9));
        assertThat(probe.checks).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(probe.checks).hasValue(2);
    }

    @Test
    void aSlowSourceIsNeverCheckedTwiceAtOnce() {
        poller(1, 1).start();
        clock.runDueTasks();

        clock.advance(Duration.ofMinutes(10));

        assertThat(probe.checks).hasValue(1);
        assertThat(probe.mostInFlight).hasValue(1);
    }

    @Test
    void healthyThresholdNeedsThatManyHealthyChecksInARow() {
        HealthCheckPoller poller = poller(1, 2);
        CircuitBreaker breaker = registry.get("stock");
        poller.start();
        check(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);

        check(true);
        check(false);
        check(true);
        assertThat(breaker.holdReason()).as("a DOWN check in between restarts the count").isEqualTo("scripted: down");
        assertThat(poller.status().status()).isEqualTo("DOWN");

        check(true);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.HALF_OPEN);
        assertThat(poller.status().status()).isEqualTo("UP");
        assertThat(poller.status().sinceEpochMillis()).isEqualTo(clock.epochMillis());
    }

    @Test
    void aConclusionLastingAcrossChecksHoldsAnInstanceResetInBetweenAgain() {
        poller(1, 1).start();
        CircuitBreaker breaker = registry.get("stock");
        check(false);

        breaker.reset();
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        check(false);

        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(breaker.holdReason()).isEqualTo("scripted: down");
    }

    @Test
    void theStatusKeepsTheTimeItLastChanged() {
        HealthCheckPoller poller = poller(1, 1);
        poller.start();
        check(false);
        long downSince = clock.epochMillis();

        check(false);

        assertThat(poller.status().sinceEpochMillis()).isEqualTo(downSince);
        assertThat(poller.status().toMap()).containsEntry("status", "DOWN").containsEntry("source", "scripted")
                .containsEntry("detail", "down").containsEntry("since", "2026-01-01T00:00:10Z");
    }

    @Test
    void stopCancelsTheNextCheckAndACheckInFlightEndsWithoutEffect() {
        HealthCheckPoller poller = poller(1, 1);
        CircuitBreaker breaker = registry.get("stock");
        poller.start();
        clock.runDueTasks();

        poller.stop();
        probe.answer(false, "down");

        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(clock.pendingTasks()).isZero();
        assertThat(poller.status().status()).isEqualTo("UNKNOWN");
    }

    @Test
    void stopBeforeTheFirstCheckCancelsIt() {
        HealthCheckPoller poller = poller(1, 1);
        poller.start();
        poller.stop();

        clock.advance(Duration.ofMinutes(1));

        assertThat(probe.checks).hasValue(0);
    }

    @Test
    void aCheckThatDoesNotCompleteWithinTheTimeoutIsUnhealthy() {
        HealthCheckSpec spec = new HealthCheckSpec("stock", "path", "stock", null, Duration.ofSeconds(10),
                Duration.ofMillis(50), 1, 1);
        HealthProbe silent = new HealthProbe() {
            @Override
            public String source() {
                return "silent";
            }

            @Override
            public CompletableFuture<Result> check() {
                return new CompletableFuture<>();
            }
        };
        new HealthCheckPoller(spec, silent, registry, clock, clock).start();
        clock.runDueTasks();

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("stock").state() == CircuitBreakerState.OPEN);
        assertThat(registry.get("stock").holdReason()).isEqualTo("silent: no answer within 50 ms");
    }

    @Test
    void aProbeThatThrowsWhenStartedIsUnhealthy() {
        HealthCheckSpec spec = new HealthCheckSpec("stock", "path", "stock", null, Duration.ofSeconds(10),
                Duration.ofSeconds(1), 1, 1);
        HealthProbe broken = new HealthProbe() {
            @Override
            public String source() {
                return "broken";
            }

            @Override
            public CompletableFuture<Result> check() {
                throw new IllegalStateException("no client");
            }
        };
        new HealthCheckPoller(spec, broken, registry, clock, clock).start();

        clock.runDueTasks();

        assertThat(registry.get("stock").holdReason()).isEqualTo("broken: check failed to start (IllegalStateException)");
        assertThat(clock.pendingTasks()).as("the next check is still scheduled").isEqualTo(1);
    }

    /** Runs the due check and answers it. */
    private void check(boolean healthy) {
        clock.advance(Duration.ofSeconds(10));
        assertThat(probe.answer(healthy, healthy ? "fine" : "down")).as("a check was due").isTrue();
    }
}
