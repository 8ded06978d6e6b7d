package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Annotated beans against the whole starter: breakers configured from {@code resilience.circuitbreaker.*}
 * properties by {@link ResilienceAutoConfiguration}, on a {@link ManualClock} registered as the time source.
 */
class CircuitBreakerEndToEndTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceAopAutoConfiguration.class))
            .withBean(ManualClock.class)
            .withBean(Inventory.class)
            .withPropertyValues(
                    "resilience.circuitbreaker.defaults.sliding-window-size=4",
                    "resilience.circuitbreaker.defaults.minimum-number-of-calls=4",
                    "resilience.circuitbreaker.defaults.failure-rate-threshold=50",
                    "resilience.circuitbreaker.defaults.slow-call-duration-threshold=2s",
                    "resilience.circuitbreaker.defaults.wait-duration-in-open-state=10s",
                    "resilience.circuitbreaker.defaults.permitted-calls-in-half-open-state=1",
                    "resilience.circuitbreaker.defaults.success-threshold=1",
                    "resilience.circuitbreaker.instances.inventory.wait-duration-in-open-state=20s");

    @Test
    void opensAtTheFailureRateAndRejectsWithoutReachingTheMethod() {
        runner.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            inventory.stock("a");
            inventory.stock("b");
            assertThatThrownBy(() -> inventory.stock("fail")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> inventory.stock("fail")).isInstanceOf(IllegalStateException.class);

            assertThatThrownBy(() -> inventory.stock("c")).isInstanceOfSatisfying(CircuitBreakerOpenException.class, open -> {
                assertThat(open.getName()).isEqualTo("inventory");
                assertThat(open.getRemainingWait()).isEqualTo(Duration.ofSeconds(20));
            });
            assertThat(inventory.calls()).hasValue(4);
            assertThat(breaker(context, "inventory").snapshot().notPermittedCalls()).isEqualTo(1);
        });
    }

    @Test
    void closesAgainAfterTheWaitWhenTheProbeSucceeds() {
        runner.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> inventory.stock("fail")).isInstanceOf(IllegalStateException.class);
            }
            context.getBean(ManualClock.class).advance(Duration.ofSeconds(20));

            assertThat(inventory.stock("probe")).isEqualTo(1);

            assertThat(breaker(context, "inventory").state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(inventory.calls()).hasValue(5);
        });
    }

    @Test
    void countsSlowCallsMeasuredOnTheBreakersClock() {
        runner.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            inventory.slowly(context.getBean(ManualClock.class), Duration.ofSeconds(3));
            inventory.slowly(context.getBean(ManualClock.class), Duration.ofSeconds(1));

            assertThat(breaker(context, "Inventory.slowly").snapshot().slowSuccessfulCalls()).isEqualTo(1);
        });
    }

    @Test
    void opensPerKeyAndNamesTheKeyedInstanceInTheRejection() {
        runner.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> inventory.fromWarehouse("north", true)).isInstanceOf(IllegalStateException.class);
            }

            assertThatThrownBy(() -> inventory.fromWarehouse("north", false)).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessageStartingWith("Circuit breaker 'warehouses[north]' is OPEN");
            assertThat(inventory.fromWarehouse("south", false)).isEqualTo("south");
            assertThat(breaker(context, "warehouses", "south").state()).isEqualTo(CircuitBreakerState.CLOSED);
        });
    }

    @Test
    void opensOnFailedFuturesAndDeliversTheRejectionThroughTheFuture() {
        runner.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            for (int i = 0; i < 4; i++) {
                assertThat(inventory.reserve(true)).isCompletedExceptionally();
            }

            CompletableFuture<String> rejected = inventory.reserve(false);

            assertThat(rejected).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                    .withCauseInstanceOf(CircuitBreakerOpenException.class);
            assertThat(breaker(context, "reservations").snapshot().failedCallsTotal()).isEqualTo(4);
            assertThat(inventory.calls()).hasValue(4);
        });
    }

    private static CircuitBreaker breaker(ApplicationContext context, String name) {
        return breaker(context, name, null);
    }

    private static CircuitBreaker breaker(ApplicationContext context, String name, String key) {
        InstanceRegistry<?> registry = context.getBean("circuitBreakerRegistry", InstanceRegistry.class);
        return (CircuitBreaker) registry.find(new InstanceId(name, key)).orElseThrow();
    }

    static class Inventory {
        private final AtomicInteger calls = new AtomicInteger();

        public AtomicInteger calls() {
            return calls;
        }

        @dev.resilience.annotation.CircuitBreaker(name = "inventory")
        public int stock(String item) {
            calls.incrementAndGet();
            if (item.equals("fail")) {
                throw new IllegalStateException("inventory down");
            }
            return 1;
        }

        @dev.resilience.annotation.CircuitBreaker
        public void slowly(ManualClock clock, Duration takes) {
            clock.advance(takes);
        }

        @dev.resilience.annotation.CircuitBreaker(name = "warehouses", key = "#warehouse")
        public String fromWarehouse(String warehouse, boolean fail) {
            if (fail) {
                throw new IllegalStateException(warehouse + " down");
            }
            return warehouse;
        }

        @dev.resilience.annotation.CircuitBreaker(name = "reservations")
        public CompletableFuture<String> reserve(boolean fail) {
            calls.incrementAndGet();
            return fail ? CompletableFuture.failedFuture(new IOException("timeout")) : CompletableFuture.completedFuture("reserved");
        }
    }
}
