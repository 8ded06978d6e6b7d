package dev.resilience.minimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.http.client.HttpClientInstances;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * An application with only the starter: no Actuator, no health, no Micrometer, no web. The annotations
 * must still work and the optional auto-configurations must stay away.
 */
@SpringBootTest(properties = {
        "resilience.circuitbreaker.instances.inventory.minimum-number-of-calls=2",
        "resilience.circuitbreaker.instances.inventory.sliding-window-size=2",
        "resilience.http.client.enabled=true" })
class MinimalClasspathTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Inventory inventory;

    @Autowired
    InstanceRegistry<dev.resilience.circuitbreaker.CircuitBreaker> circuitBreakers;

    @Test
    void theClasspathReallyLacksTheOptionalLibraries() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", loader)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint", loader)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.boot.health.contributor.HealthIndicator", loader)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.web.client.RestClientResponseException", loader)).isFalse();
        assertThat(ClassUtils.isPresent("io.micrometer.context.ContextSnapshotFactory", loader)).isFalse();
    }

    @Test
    void theBreakerTripsAndRejectsWithoutReachingTheMethod() {
        assertThatThrownBy(inventory::count).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(inventory::count).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(inventory::count).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(inventory.calls()).isEqualTo(2);
        assertThat(circuitBreakers.find(InstanceId.of("inventory")))
                .hasValueSatisfying(breaker -> assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN));
    }

    @Test
    void theOutboundHttpClientStartsWithoutSpringWebAndRegistersNoClientCustomizer() {
        assertThat(context.getBeanNamesForType(HttpClientInstances.class)).hasSize(1);
        assertThat(context.containsBean("resilienceRestClientCustomizer")).isFalse();
        assertThat(context.containsBean("resilienceWebClientCustomizer")).isFalse();
    }

    @Test
    void noEndpointHealthOrMetricsBeansExist() {
        assertThat(context.getBeanNamesForType(Object.class)).noneMatch(name -> name.toLowerCase().contains("endpoint")
                || name.toLowerCase().contains("meter") || name.toLowerCase().contains("health"));
    }

    @SpringBootApplication
    static class App {

        @Bean
        Inventory inventory() {
            return new Inventory();
        }
    }

    static class Inventory {

        private final AtomicInteger calls = new AtomicInteger();

        @CircuitBreaker(name = "inventory")
        public int count() {
            calls.incrementAndGet();
            throw new IllegalStateException("warehouse offline");
        }

        public int calls() {
            return calls.get();
        }
    }
}
