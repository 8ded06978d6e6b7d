package dev.resilience.spring.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * An environment refresh applied to the per-endpoint instances: a change of an endpoint's own section
 * reconfigures that endpoint's live bulkhead only, a change of the section for every endpoint reaches the
 * endpoints without a value of their own, and each endpoint keeps its own values. The shared context is put
 * back after each test.
 */
@HttpServerWebTest
class HttpServerRefreshTests {

    private static final String SERVER = "resilience.http.server";

    private final Map<String, Object> refreshed = new HashMap<>();

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ConfigurableEnvironment environment;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private InstanceRegistry<RateLimiter> rateLimiters;

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

    @Test
    void anEndpointsOwnSectionReconfiguresThatEndpointOnly() {
        Bulkhead held = bulkheads.get(HttpServerInstances.NAME, "GET /held/{id}");
        Bulkhead counted = bulkheads.get(HttpServerInstances.NAME, "GET /counted/{id}");
        assertThat(held.config().maxConcurrentCalls()).isEqualTo(2);

        refresh(Map.of(SERVER + ".endpoints[GET /held/{id}].bulkhead.max-concurrent-calls", "4"));

        assertThat(bulkheads.get(HttpServerInstances.NAME, "GET /held/{id}")).isSameAs(held);
        assertThat(held.config().maxConcurrentCalls()).isEqualTo(4);
        assertThat(counted.config().maxConcurrentCalls()).isEqualTo(3);
    }

    @Test
    void theSectionForEveryEndpointReachesOnlyEndpointsWithoutTheirOwnValue() {
        Bulkhead held = bulkheads.get(HttpServerInstances.NAME, "GET /held/{id}");
        Bulkhead plain = bulkheads.get(HttpServerInstances.NAME, "GET /plain-refresh/{id}");
        RateLimiter limited = rateLimiters.get(HttpServerInstances.NAME, "GET /limited/{id}");
        assertThat(plain.config().maxConcurrentCalls()).isEqualTo(100);

        refresh(Map.of(SERVER + ".bulkhead.max-concurrent-calls", "50",
                SERVER + ".ratelimiter.limit-for-period", "900"));

        assertThat(plain.config().maxConcurrentCalls()).isEqualTo(50);
        assertThat(held.config().maxConcurrentCalls()).isEqualTo(2);
        assertThat(limited.config().limitForPeriod()).isEqualTo(2);
        assertThat(rateLimiters.get(HttpServerInstances.NAME, "GET /plain-refresh/{id}").config().limitForPeriod())
                .isEqualTo(900);
    }
}
