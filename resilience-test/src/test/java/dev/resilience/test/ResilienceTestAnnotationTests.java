package dev.resilience.test;

import static dev.resilience.test.ResilienceAssertions.assertThat;
import static dev.resilience.test.ResilienceAssertions.rejectedByCircuitBreaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceId;
import dev.resilience.test.app.KitTestApplication;
import dev.resilience.test.app.PaymentClient;
import dev.resilience.time.ManualClock;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ResilienceTest} on a whole application. The methods run in name order: {@code b} leaves a
 * breaker forced open and a keyed breaker open, and {@code c} checks that none of it reached it.
 */
@SpringBootTest(classes = KitTestApplication.class, properties = {
    "resilience.circuitbreaker.defaults.sliding-window-size=4",
    "resilience.circuitbreaker.defaults.minimum-number-of-calls=2",
    "resilience.circuitbreaker.defaults.permitted-calls-in-half-open-state=1",
    "resilience.circuitbreaker.defaults.success-threshold=1",
    "resilience.circuitbreaker.instances.payments.wait-duration-in-open-state=30s",
    "resilience.circuitbreaker.instances.stock.wait-duration-in-open-state=30s" })
@ResilienceTest
@TestMethodOrder(MethodOrderer.MethodName.class)
class ResilienceTestAnnotationTests {

    @Autowired
    ManualClock clock;

    @Autowired
    ResilienceInstances resilience;

    @Autowired
    PaymentClient payments;

    @Test
    void a_theManualClockIsTheTimeSourceAndSchedulerOfEveryInstance(@Autowired TimeSource timeSource,
            @Autowired Scheduler scheduler) {
        assertThat(timeSource).isSameAs(clock);
        assertThat(scheduler).isSameAs(clock);
        assertThat(resilience.circuitBreaker("payments").timeSource()).isSameAs(clock);
    }

    @Test
    void b_aBreakerOpensAndRecoversWhenTheClockMovesWithoutSleeping() {
        payments.failing(true);
        assertThatThrownBy(() -> payments.charge("o-1")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> payments.charge("o-2")).isInstanceOf(UncheckedIOException.class);
        assertThat(resilience).circuitBreaker("payments").isOpen().hasFailedCalls(2);
        assertThatThrownBy(() -> payments.charge("o-3")).is(rejectedByCircuitBreaker("payments"));
        assertThat(resilience).circuitBreaker("payments").hasRejected(1);

        payments.failing(false);
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> payments.charge("o-4")).is(rejectedByCircuitBreaker("payments"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(payments.charge("o-5")).isEqualTo("charged o-5");
        assertThat(resilience).circuitBreaker("payments").isClosed().hasRejected(2);

        payments.failing(true);
        assertThatThrownBy(() -> payments.stock("north")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> payments.stock("north")).isInstanceOf(UncheckedIOException.class);
        assertThat(resilience).circuitBreaker("stock[north]").isOpen();
        resilience.circuitBreaker("payments").forceOpen();
        payments.failing(false);
    }

    @Test
    void c_noStateLeaksFromThePreviousTest() {
        assertThat(resilience).circuitBreaker("payments").isClosed().hasRejected(0).hasFailedCalls(0)
                .hasSuccessfulCalls(0).hasBufferedCalls(0);
        assertThat(resilience.registry(CircuitBreaker.class).all().keySet()).extracting(InstanceId::displayName)
                .containsExactly("payments", "stock");

        assertThat(payments.stock("north")).isEqualTo("stock at north");
        assertThat(resilience).circuitBreaker("stock[north]").isClosed().hasSuccessfulCalls(1);
    }
}
