package dev.resilience.spring.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.http.client.HttpClientInstances;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * An environment refresh applied to the outbound HTTP client's per-host breakers: a change of a host's own
 * section reconfigures that host's live breaker only, and a change elsewhere under {@code resilience.*}
 * leaves every host's own values in place.
 */
@SpringBootTest(classes = RefreshTestApplication.class, properties = {
        "resilience.http.client.enabled=true",
        "resilience.http.client.circuitbreaker.minimum-number-of-calls=20",
        "resilience.http.client.hosts[a.example].circuitbreaker.failure-rate-threshold=30",
        "resilience.http.client.hosts[b.example].circuitbreaker.failure-rate-threshold=40",
        "resilience.bulkhead.instances.pool.max-concurrent-calls=10" })
class HttpClientRefreshTests {

    private static final String HOSTS = "resilience.http.client.hosts";

    private final Map<String, Object> refreshed = new HashMap<>();

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ConfigurableEnvironment environment;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @BeforeEach
    void addRefreshableSource() {
        environment.getPropertySources().addFirst(new MapPropertySource("refreshed", refreshed));
    }

    @AfterEach
    void removeRefreshableSource() {
        environment.getPropertySources().remove("refreshed");
        context.publishEvent(new EnvironmentChangeEvent(context, Map.copyOf(refreshed).keySet()));
    }

    private void refresh(Map<String, Object> values) {
        refreshed.putAll(values);
        context.publishEvent(new EnvironmentChangeEvent(context, values.keySet()));
    }

    private CircuitBreaker breaker(String host) {
        return breakers.get(HttpClientInstances.NAME, host);
    }

    @Test
    void aHostsOwnSectionReconfiguresThatHostsLiveBreakerOnly() {
        CircuitBreaker a = breaker("a.example");
        CircuitBreaker b = breaker("b.example");
        CircuitBreaker other = breaker("c.example");

        refresh(Map.of(HOSTS + "[a.example].circuitbreaker.failure-rate-threshold", "20"));

        assertThat(breaker("a.example")).isSameAs(a);
        assertThat(a.config().failureRateThreshold()).isEqualTo(20);
        assertThat(a.config().minimumNumberOfCalls()).isEqualTo(20);
        assertThat(b.config().failureRateThreshold()).isEqualTo(40);
        assertThat(other.config().failureRateThreshold()).isEqualTo(50);
        assertThat(breaker("a.example/users/{id}").config().failureRateThreshold()).isEqualTo(20);
    }

    @Test
    void changesElsewhereUnderResilienceLeaveEachHostsOwnValuesInPlace() {
        CircuitBreaker a = breaker("a.example");
        CircuitBreaker other = breaker("c.example");

        refresh(Map.of("resilience.bulkhead.instances.pool.max-concurrent-calls", "9"));

        assertThat(a.config().failureRateThreshold()).isEqualTo(30);
        assertThat(a.config().minimumNumberOfCalls()).isEqualTo(20);
        assertThat(other.config().minimumNumberOfCalls()).isEqualTo(20);

        // defaults sit below the client's sections: hosts without a value of their own take the new one
        refresh(Map.of("resilience.circuitbreaker.defaults.failure-rate-threshold", "70",
                "resilience.http.client.circuitbreaker.minimum-number-of-calls", "5"));

        assertThat(a.config().failureRateThreshold()).isEqualTo(30);
        assertThat(breaker("b.example").config().failureRateThreshold()).isEqualTo(40);
        assertThat(other.config().failureRateThreshold()).isEqualTo(70);
        assertThat(a.config().minimumNumberOfCalls()).isEqualTo(5);
        assertThat(other.config().minimumNumberOfCalls()).isEqualTo(5);
    }
}
