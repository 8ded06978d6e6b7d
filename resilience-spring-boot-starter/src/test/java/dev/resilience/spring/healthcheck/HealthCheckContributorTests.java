package dev.resilience.spring.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceEndpointAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceHealthCheckAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A breaker following a Spring Boot health contributor whose status the test flips. */
class HealthCheckContributorTests {

    private static final String HC = "resilience.circuitbreaker.instances.inventory.health-check.";
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                    ResilienceHealthCheckAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                    ResilienceEndpointAutoConfiguration.class))
            .withUserConfiguration(Indicators.class)
            .withPropertyValues("management.endpoints.web.exposure.include=resilience",
                    "resilience.circuitbreaker.instances.inventory.permitted-calls-in-half-open-state=1",
                    "resilience.circuitbreaker.instances.inventory.success-threshold=1",
                    HC + "contributor=stock", HC + "interval=10s");

    @Test
    void aDownContributorHoldsTheBreakerOpenAndUpReleasesItToHalfOpen() {
        runner.run(context -> {
            Toggle stock = context.getBean("stockHealthIndicator", Toggle.class);
            ManualClock clock = context.getBean(ManualClock.class);
            CircuitBreaker breaker = breaker(context);
            List<CircuitBreakerEvent.StateTransition> transitions = transitions(breaker);

            stock.status = Health.down().build();
            clock.advance(Duration.ofSeconds(10));
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);

            assertThat(breaker.holdReason()).isEqualTo("contributor stock: status DOWN of stock");
            assertThat(transitions).singleElement().satisfies(t -> {
                assertThat(t.reason()).isEqualTo(TransitionReason.HEALTH_CHECK);
                assertThat(t.detail()).isEqualTo("contributor stock: status DOWN of stock");
            });

            stock.status = Health.up().build();
            clock.advance(Duration.ofSeconds(10));
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.HALF_OPEN);
            breaker.acquirePermit().onSuccess(clock.nanoTime());
            assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(transitions).extracting(CircuitBreakerEvent.StateTransition::to).containsExactly(
                    CircuitBreakerState.OPEN, CircuitBreakerState.HALF_OPEN, CircuitBreakerState.CLOSED);
        });
    }

    @Test
    void aBreakerStaysClosedWhileItsContributorIsUpAndIsNotCheckedBeforeTheInterval() {
        runner.run(context -> {
            Toggle stock = context.getBean("stockHealthIndicator", Toggle.class);
            ManualClock clock = context.getBean(ManualClock.class);
            clock.runDueTasks();
            await().atMost(BOUND).until(() -> stock.checks.get() == 1);
            await().atMost(BOUND).until(() -> clock.pendingTasks() == 1);
            stock.status = Health.down().build();

            clock.advance(Duration.ofSeconds(9));

            assertThat(stock.checks).hasValue(1);
            assertThat(breaker(context).state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(context.getBean(HealthChecks.class).status("inventory")).hasValueSatisfying(status -> {
                assertThat(status.status()).isEqualTo("UP");
                assertThat(status.detail()).isEqualTo("status UP");
            });
        });
    }

    @Test
    void theEndpointShowsTheHealthCheckAndTheTransitionEvent() {
        runner.run(context -> {
            context.getBean("stockHealthIndicator", Toggle.class).status = Health.outOfService().build();
            CircuitBreaker breaker = breaker(context);
            context.getBean(ManualClock.class).runDueTasks();
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);

            Map<String, Object> inventory = context.getBean(ResilienceEndpoint.class).instance("circuitbreakers", "inventory");

            assertThat(inventory).containsEntry("state", "OPEN");
            assertThat(inventory.get("healthCheck")).isEqualTo(Map.of("status", "DOWN", "source", "contributor stock",
                    "since", "2026-01-01T00:00:00Z", "detail", "status OUT_OF_SERVICE of stock"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> events = (List<Map<String, Object>>) inventory.get("events");
            assertThat(events).first().satisfies(event -> assertThat(event)
                    .containsEntry("type", "STATE_TRANSITION").containsEntry("reason", "HEALTH_CHECK")
                    .containsEntry("detail", "contributor stock: status OUT_OF_SERVICE of stock"));
        });
    }

    @Test
    void breakersWithoutAHealthCheckShowNoHealthCheckField() {
        runner.run(context -> {
            context.getBean("circuitBreakerRegistry", InstanceRegistry.class).get("plain");
            assertThat(context.getBean(ResilienceEndpoint.class).patterns().get("circuitBreakers"))
                    .extractingByKey("plain").asInstanceOf(InstanceOfAssertFactories.MAP)
                    .doesNotContainKey("healthCheck");
        });
    }

    @Test
    void aCompositeMemberIsNamedByItsPath() {
        runner.withPropertyValues(HC + "contributor=warehouse/north").run(context -> {
            Toggle north = context.getBean("north", Toggle.class);
            north.status = Health.down().build();
            CircuitBreaker breaker = breaker(context);
            context.getBean(ManualClock.class).runDueTasks();

            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);
            assertThat(breaker.holdReason()).isEqualTo("contributor warehouse/north: status DOWN of warehouse/north");
        });
    }

    @Test
    void aWholeCompositeIsUnhealthyWhenOneMemberIs() {
        runner.withPropertyValues(HC + "contributor=warehouse").run(context -> {
            context.getBean("north", Toggle.class).status = Health.down().build();
            CircuitBreaker breaker = breaker(context);
            context.getBean(ManualClock.class).runDueTasks();

            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);
            assertThat(breaker.holdReason()).endsWith("status DOWN of warehouse/north");
        });
    }

    @Test
    void unhealthyThresholdNeedsThatManyDownChecksInARow() {
        runner.withPropertyValues(HC + "unhealthy-threshold=2").run(context -> {
            Toggle stock = context.getBean("stockHealthIndicator", Toggle.class);
            ManualClock clock = context.getBean(ManualClock.class);
            CircuitBreaker breaker = breaker(context);
            stock.status = Health.down().build();

            clock.runDueTasks();
            await().atMost(BOUND).until(() -> stock.checks.get() == 1 && clock.pendingTasks() == 1);
            assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

            clock.advance(Duration.ofSeconds(10));
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);
            assertThat(stock.checks).hasValue(2);
        });
    }

    @Test
    void anIndicatorThatThrowsIsUnhealthy() {
        runner.run(context -> {
            context.getBean("stockHealthIndicator", Toggle.class).status = null;
            CircuitBreaker breaker = breaker(context);
            context.getBean(ManualClock.class).runDueTasks();

            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);
            assertThat(breaker.holdReason()).isEqualTo("contributor stock: health check threw IllegalStateException");
        });
    }

    @Test
    void aHangingIndicatorTimesOutAndIsNotCalledAgainWhileItHangs() {
        runner.withPropertyValues(HC + "timeout=200ms").run(context -> {
            Toggle stock = context.getBean("stockHealthIndicator", Toggle.class);
            CountDownLatch release = new CountDownLatch(1);
            stock.hang = release;
            ManualClock clock = context.getBean(ManualClock.class);
            CircuitBreaker breaker = breaker(context);
            try {
                clock.runDueTasks();
                await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN && clock.pendingTasks() == 1);
                assertThat(breaker.holdReason()).isEqualTo("contributor stock: no answer within 200 ms");

                clock.advance(Duration.ofSeconds(10));
                await().atMost(BOUND).until(() -> clock.pendingTasks() == 1);
                assertThat(context.getBean(HealthChecks.class).status("inventory").orElseThrow().detail())
                        .isEqualTo("the previous check of 'stock' is still running");
                assertThat(stock.checks).hasValue(1);
            } finally {
                release.countDown();
            }
        });
    }

    @Test
    void closingTheContextStopsThePolling() {
        runner.run(context -> {
            Toggle stock = context.getBean("stockHealthIndicator", Toggle.class);
            ManualClock clock = context.getBean(ManualClock.class);
            clock.runDueTasks();
            await().atMost(BOUND).until(() -> stock.checks.get() == 1 && clock.pendingTasks() == 1);

            context.close();

            assertThat(clock.pendingTasks()).isZero();
            clock.advance(Duration.ofMinutes(5));
            assertThat(stock.checks).hasValue(1);
        });
    }

    private static CircuitBreaker breaker(AssertableApplicationContext context) {
        @SuppressWarnings("unchecked")
        InstanceRegistry<CircuitBreaker> registry = context.getBean("circuitBreakerRegistry", InstanceRegistry.class);
        return registry.get("inventory");
    }

    private static List<CircuitBreakerEvent.StateTransition> transitions(CircuitBreaker breaker) {
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(event -> {
            if (event instanceof CircuitBreakerEvent.StateTransition transition) {
                transitions.add(transition);
            }
        });
        return transitions;
    }

    /** A health indicator whose status the test sets; a null status makes it throw, a latch makes it hang. */
    static final class Toggle implements HealthIndicator {

        volatile Health status = Health.up().build();
        volatile CountDownLatch hang;
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public Health health() {
            checks.incrementAndGet();
            CountDownLatch until = hang;
            if (until != null) {
                try {
                    until.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Health current = status;
            if (current == null) {
                throw new IllegalStateException("no status");
            }
            return current;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Indicators {

        @Bean
        ManualClock manualClock() {
            return new ManualClock();
        }

        @Bean
        Toggle stockHealthIndicator() {
            return new Toggle();
        }

        @Bean
        Toggle north() {
            return new Toggle();
        }

        @Bean
        HealthContributor warehouseHealthContributor(Toggle north) {
            return CompositeHealthContributor.fromMap(Map.of("north", north, "south", new Toggle()));
        }
    }
}
