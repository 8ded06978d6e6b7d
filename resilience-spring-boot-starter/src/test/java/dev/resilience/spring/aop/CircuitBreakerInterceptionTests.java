package dev.resilience.spring.aop;

import static dev.resilience.spring.aop.FakeBreakers.breaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CircuitBreakerInterceptionTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class)
            .withBean(PaymentClient.class);

    @Test
    void tripsAfterFailuresAndRejectsWithoutReachingTheMethod() {
        runner.run(context -> {
            PaymentClient client = context.getBean(PaymentClient.class);
            client.setFailing(true);
            for (int i = 0; i < FakeBreakers.THRESHOLD; i++) {
                assertThatThrownBy(() -> client.charge("order")).isInstanceOf(IllegalStateException.class).hasMessage("down");
            }

            assertThatThrownBy(() -> client.charge("order")).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessageContaining("'payments' is OPEN");
            assertThat(client.calls()).hasValue(FakeBreakers.THRESHOLD);
            FakeCircuitBreaker breaker = breaker(context.getBean(InstanceRegistry.class), "payments");
            assertThat(breaker.errors).hasValue(FakeBreakers.THRESHOLD);
            assertThat(breaker.rejections).hasValue(1);
        });
    }

    @Test
    void recoversOnceTheOpenWaitHasPassedOnTheClock() {
        runner.run(context -> {
            PaymentClient client = context.getBean(PaymentClient.class);
            ManualClock clock = context.getBean(ManualClock.class);
            client.setFailing(true);
            for (int i = 0; i < FakeBreakers.THRESHOLD; i++) {
                assertThatThrownBy(() -> client.charge("order")).isInstanceOf(IllegalStateException.class);
            }
            client.setFailing(false);
            clock.advance(FakeBreakers.WAIT.minusMillis(1));
            assertThatThrownBy(() -> client.charge("order")).isInstanceOf(CircuitBreakerOpenException.class);

            clock.advance(Duration.ofMillis(1));

            assertThat(client.charge("order")).isEqualTo("charged order");
            assertThat(breaker(context.getBean(InstanceRegistry.class), "payments").state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(client.calls()).hasValue(FakeBreakers.THRESHOLD + 1);
        });
    }

    @Test
    void reportsTheReturnedValueSoThatTheBreakerCanInspectIt() {
        runner.run(context -> {
            PaymentClient client = context.getBean(PaymentClient.class);

            client.charge("order-1");

            FakeCircuitBreaker breaker = breaker(context.getBean(InstanceRegistry.class), "payments");
            assertThat(breaker.results).hasValue(1);
            assertThat(breaker.lastResult).isEqualTo("charged order-1");
            assertThat(breaker.successesWithoutResult).hasValue(0);
        });
    }

    @Test
    void reportsVoidMethodsAsSuccessesWithoutAResult() {
        runner.run(context -> {
            PaymentClient client = context.getBean(PaymentClient.class);

            client.ping();

            FakeCircuitBreaker breaker = breaker(context.getBean(InstanceRegistry.class), "PaymentClient.ping");
            assertThat(breaker.successesWithoutResult).hasValue(1);
            assertThat(breaker.results).hasValue(0);
        });
    }

    @Test
    void rethrowsTheMethodsOwnFailureAndReportsIt() {
        runner.run(context -> {
            PaymentClient client = context.getBean(PaymentClient.class);
            client.setFailing(true);

            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.charge("order"));

            FakeCircuitBreaker breaker = breaker(context.getBean(InstanceRegistry.class), "payments");
            assertThat(thrown).isSameAs(breaker.lastError).hasMessage("down");
        });
    }

    @Test
    void measuresTheCallWithTheBreakersTimeSource() {
        runner.run(context -> {
            PaymentClient client = context.getBean(PaymentClient.class);
            client.setDuration(context.getBean(ManualClock.class), Duration.ofMillis(750));

            client.charge("order");

            assertThat(breaker(context.getBean(InstanceRegistry.class), "payments").lastDurationNanos)
                    .isEqualTo(Duration.ofMillis(750).toNanos());
        });
    }

    @Test
    void createsUnkeyedBreakersAtStartupBeforeTheFirstCall() {
        runner.run(context -> {
            @SuppressWarnings("unchecked")
            InstanceRegistry<CircuitBreaker> registry = context.getBean(InstanceRegistry.class);

            assertThat(registry.all().keySet()).extracting(Object::toString)
                    .containsExactlyInAnyOrder("payments", "PaymentClient.ping");
            assertThat(breaker(registry, "payments").permits).hasValue(0);
        });
    }

    /** State is reached through methods: fields of a CGLIB proxy are not the target's. */
    static class PaymentClient {
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean failing;
        private volatile ManualClock clock;
        private volatile Duration takes = Duration.ZERO;

        public void setFailing(boolean failing) {
            this.failing = failing;
        }

        public void setDuration(ManualClock clock, Duration takes) {
            this.clock = clock;
            this.takes = takes;
        }

        public AtomicInteger calls() {
            return calls;
        }

        @dev.resilience.annotation.CircuitBreaker(name = "payments")
        public String charge(String order) {
            calls.incrementAndGet();
            if (clock != null) {
                clock.advance(takes);
            }
            if (failing) {
                throw new IllegalStateException("down");
            }
            return "charged " + order;
        }

        @dev.resilience.annotation.CircuitBreaker
        public void ping() {
            calls.incrementAndGet();
        }
    }
}
