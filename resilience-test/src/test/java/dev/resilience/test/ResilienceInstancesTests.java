package dev.resilience.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.resilience.BulkheadFullException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.registry.RegistryListener;
import dev.resilience.time.ManualClock;
import dev.resilience.timeout.Timeout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ResilienceInstancesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Registries.class);

    @Test
    void resetAllResetsEveryInstanceOfEveryRegistryAndDropsKeyedOnes() {
        runner.run(context -> {
            ResilienceInstances resilience = new ResilienceInstances(context);
            CircuitBreaker payments = resilience.circuitBreaker("payments");
            payments.forceOpen();
            resilience.circuitBreaker("stock", "north").forceOpen();
            Bulkhead reports = resilience.bulkhead("reports");
            try (Bulkhead.Permit held = reports.acquirePermit()) {
                assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(reports::acquirePermit);
            }
            List<String> removed = new CopyOnWriteArrayList<>();
            resilience.registry(CircuitBreaker.class).addListener(new RegistryListener<>() {
                @Override
                public void onAdded(InstanceId id, CircuitBreaker instance) {
                }

                @Override
                public void onRemoved(InstanceId id, CircuitBreaker instance) {
                    removed.add(id.displayName());
                }
            });

            resilience.resetAll();

            assertThat(payments.state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(payments.snapshot().notPermittedCalls()).isZero();
            assertThat(resilience.circuitBreaker("payments")).isSameAs(payments);
            assertThat(removed).containsExactly("stock[north]");
            assertThat(resilience.registry(CircuitBreaker.class).all().keySet()).containsExactly(InstanceId.of("payments"));
            assertThat(reports.snapshot().rejectedCalls()).isZero();
        });
    }

    @Test
    void aPatternWithoutARegistryBeanIsReportedByItsType() {
        runner.run(context -> assertThatIllegalStateException()
                .isThrownBy(() -> new ResilienceInstances(context).timeout("slow"))
                .withMessage("No single InstanceRegistry<Timeout> bean in the context"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registries {

        @Bean
        ManualClock clock() {
            return new ManualClock();
        }

        @Bean
        InstanceRegistry<CircuitBreaker> circuitBreakerRegistry(ManualClock clock) {
            return new InstanceRegistry<>(id -> CircuitBreaker.of(id.displayName(), CircuitBreakerConfig.defaults(), clock),
                    name -> 10);
        }

        @Bean
        InstanceRegistry<Bulkhead> bulkheadRegistry(ManualClock clock) {
            BulkheadConfig config = BulkheadConfig.builder().maxConcurrentCalls(1).build();
            return new InstanceRegistry<>(id -> Bulkhead.of(id.displayName(), config, clock, clock), name -> 10);
        }
    }
}
