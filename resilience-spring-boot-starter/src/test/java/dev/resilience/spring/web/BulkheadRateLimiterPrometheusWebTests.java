package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.BulkheadFullException;
import dev.resilience.RateLimitExceededException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@ObservabilityWebTest
class BulkheadRateLimiterPrometheusWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private InstanceRegistry<RateLimiter> limiters;

    @Autowired
    private ManualClock clock;

    private String scrape() {
        return client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void rendersTheBulkheadMetersUnderTheirPrometheusNames() {
        Bulkhead bulkhead = bulkheads.get("prom-bulkhead");
        Bulkhead.Permit held = bulkhead.acquirePermit();
        CompletableFuture<Bulkhead.Permit> queued = bulkhead.acquirePermitAsync().toCompletableFuture();
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(queued).isCompletedExceptionally();

        assertThat(scrape().lines()).contains(
                "resilience_bulkhead_active_calls{name=\"prom-bulkhead\"} 1.0",
                "resilience_bulkhead_queued_calls{name=\"prom-bulkhead\"} 0.0",
                "resilience_bulkhead_max_concurrent_calls{name=\"prom-bulkhead\"} 1.0",
                "resilience_bulkhead_rejected_calls_total{name=\"prom-bulkhead\",reason=\"queue_full\"} 1.0",
                "resilience_bulkhead_rejected_calls_total{name=\"prom-bulkhead\",reason=\"queue_timeout\"} 1.0",
                "resilience_bulkhead_queue_wait_seconds_count{name=\"prom-bulkhead\"} 1",
                "resilience_bulkhead_queue_wait_seconds_sum{name=\"prom-bulkhead\"} 2.0");
        held.release();
    }

    @Test
    void rendersTheRateLimiterMetersUnderTheirPrometheusNames() {
        RateLimiter limiter = limiters.get("prom-limiter");
        limiter.acquirePermit();
        limiter.acquirePermit();
        assertThatThrownBy(limiter::acquirePermit).isInstanceOf(RateLimitExceededException.class);

        assertThat(scrape().lines()).contains(
                "resilience_ratelimiter_calls_total{kind=\"permitted\",name=\"prom-limiter\"} 2.0",
                "resilience_ratelimiter_calls_total{kind=\"rejected\",name=\"prom-limiter\"} 1.0",
                "resilience_ratelimiter_available_permits{name=\"prom-limiter\"} 0.0");
    }

    @Test
    void declaredInstancesAreMeteredBeforeTheirFirstCallAndKeyedOnesCarryTheirKey() {
        bulkheads.get("prom-keyed", "t1");
        limiters.get("prom-keyed", "t1");

        assertThat(scrape().lines()).contains(
                "resilience_bulkhead_max_concurrent_calls{name=\"declared-bulkhead\"} 3.0",
                "resilience_ratelimiter_available_permits{name=\"declared-limiter\"} 5.0",
                "resilience_bulkhead_active_calls{key=\"t1\",name=\"prom-keyed\"} 0.0",
                "resilience_ratelimiter_calls_total{key=\"t1\",kind=\"permitted\",name=\"prom-keyed\"} 0.0");
    }
}
