package dev.resilience.test;

import static dev.resilience.test.ResilienceAssertions.assertThat;
import static dev.resilience.test.ResilienceAssertions.rejectedByBulkhead;
import static dev.resilience.test.ResilienceAssertions.rejectedByCircuitBreaker;
import static dev.resilience.test.ResilienceAssertions.rejectedByRateLimiter;
import static dev.resilience.test.ResilienceAssertions.timedOutBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ResilienceAssertionsTests {

    private final ManualClock clock = new ManualClock();
    private final CircuitBreaker breaker = CircuitBreaker.of("payments", CircuitBreakerConfig.defaults(), clock);

    @Test
    void circuitBreakerAssertionsPassOnTheActualStateAndCounts() {
        breaker.forceOpen();
        assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(breaker::acquirePermit);

        assertThat(breaker).isForcedOpen().hasRejected(1).hasFailedCalls(0).hasSuccessfulCalls(0).hasBufferedCalls(0);
    }

    @Test
    void circuitBreakerAssertionsFailNamingTheBreakerAndWhatWasFound() {
        breaker.disable();

        assertThatThrownBy(() -> assertThat(breaker).isOpen()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected circuit breaker 'payments' to be OPEN but was DISABLED");
        assertThatThrownBy(() -> assertThat(breaker).hasRejected(2)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected circuit breaker 'payments' to have 2 rejected calls but had 0");
    }

    @Test
    void instancesAssertionsPickAnExistingInstanceByDisplayNameAndNeverCreateOne() {
        new ApplicationContextRunner().withUserConfiguration(ResilienceInstancesTests.Registries.class).run(context -> {
            ResilienceInstances instances = new ResilienceInstances(context);
            InstanceRegistry<CircuitBreaker> registry = instances.registry(CircuitBreaker.class);
            registry.get("stock", "north").forceOpen();
            registry.get("payments");

            assertThat(instances).circuitBreaker("stock[north]").isForcedOpen();
            assertThatThrownBy(() -> assertThat(instances).circuitBreaker("paymnets").isClosed())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected a circuit breaker 'paymnets' but it does not exist; existing: [payments, stock[north]]");
            assertThat(registry.all()).hasSize(2);
            assertThatThrownBy(() -> assertThat(instances).rateLimiter("quotes"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the context has no InstanceRegistry<RateLimiter> bean");
        });
    }

    @Test
    void rejectionConditionsMatchTheExceptionOrACauseWithTheName() {
        CircuitBreakerOpenException rejection = new CircuitBreakerOpenException("payments", CircuitBreakerState.OPEN,
                Duration.ofSeconds(5), false);

        assertThat((Throwable) rejection).is(rejectedByCircuitBreaker("payments"));
        assertThat((Throwable) new CompletionException(rejection)).is(rejectedByCircuitBreaker("payments"));
        assertThat((Throwable) rejection).isNot(rejectedByCircuitBreaker("orders"));
        assertThat((Throwable) rejection).isNot(rejectedByBulkhead("payments"));
        assertThat((Throwable) rejection).isNot(rejectedByRateLimiter("payments"));
        assertThat((Throwable) rejection).isNot(timedOutBy("payments"));
        assertThat((Throwable) new IllegalStateException("payments")).isNot(rejectedByCircuitBreaker("payments"));
    }

    @Test
    void aFailedConditionDescribesTheExpectedRejection() {
        assertThatThrownBy(() -> assertThatThrownBy(() -> {
            throw new BulkheadFullException("reports", BulkheadFullException.Reason.QUEUE_FULL, false);
        }).is(rejectedByCircuitBreaker("reports"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rejected by circuit breaker 'reports'");
    }
}
