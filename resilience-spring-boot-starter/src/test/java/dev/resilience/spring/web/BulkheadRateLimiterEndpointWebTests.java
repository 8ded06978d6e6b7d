package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.BulkheadFullException;
import dev.resilience.RateLimitExceededException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ObservabilityWebTest
class BulkheadRateLimiterEndpointWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private InstanceRegistry<RateLimiter> limiters;

    @Autowired
    private ManualClock clock;

    private RestTestClient.ResponseSpec post(String type, String name, String body) {
        return client.post().uri("/actuator/resilience/{type}/{name}", type, name)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void listsDeclaredBulkheadsAndRateLimitersWithTheirFieldsBeforeAnyCall() {
        client.get().uri("/actuator/resilience").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bulkheads['declared-bulkhead'].activeCalls").isEqualTo(0)
                .jsonPath("$.bulkheads['declared-bulkhead'].queuedCalls").isEqualTo(0)
                .jsonPath("$.bulkheads['declared-bulkhead'].maxConcurrentCalls").isEqualTo(3)
                .jsonPath("$.bulkheads['declared-bulkhead'].maxQueueSize").isEqualTo(1)
                .jsonPath("$.bulkheads['declared-bulkhead'].rejectedCalls").isEqualTo(0)
                .jsonPath("$.bulkheads['declared-bulkhead'].config").doesNotExist()
                .jsonPath("$.rateLimiters['declared-limiter'].availablePermits").isEqualTo(5)
                .jsonPath("$.rateLimiters['declared-limiter'].permittedCalls").isEqualTo(0)
                .jsonPath("$.rateLimiters['declared-limiter'].rejectedCalls").isEqualTo(0);
    }

    @Test
    void describesABulkheadWithConfigAndRejectionEvents() {
        Bulkhead bulkhead = bulkheads.get("Describe.bulkhead");
        Bulkhead.Permit held = bulkhead.acquirePermit();
        CompletableFuture<Bulkhead.Permit> queued = bulkhead.acquirePermitAsync().toCompletableFuture();
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);
        String now = Instant.ofEpochMilli(clock.epochMillis()).toString();

        client.get().uri("/actuator/resilience/bulkheads/Describe.bulkhead").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.activeCalls").isEqualTo(1)
                .jsonPath("$.queuedCalls").isEqualTo(1)
                .jsonPath("$.maxConcurrentCalls").isEqualTo(1)
                .jsonPath("$.maxQueueSize").isEqualTo(1)
                .jsonPath("$.rejectedCalls").isEqualTo(1)
                .jsonPath("$.config.maxConcurrentCalls").isEqualTo(1)
                .jsonPath("$.config.maxQueueSize").isEqualTo(1)
                .jsonPath("$.config.maxWaitDuration").isEqualTo("PT2S")
                .jsonPath("$.config.maxKeys").isEqualTo(1000)
                .jsonPath("$.config.writableStackTrace").isEqualTo(false)
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].type").isEqualTo("REJECTED")
                .jsonPath("$.events[0].reason").isEqualTo("QUEUE_FULL")
                .jsonPath("$.events[0].timestamp").isEqualTo(now);

        held.release();
        assertThat(queued).isCompleted();
        queued.join().release();
    }

    @Test
    void resetsABulkheadsStatistics() {
        Bulkhead bulkhead = bulkheads.get("Reset.bulkhead");
        Bulkhead.Permit held = bulkhead.acquirePermit();
        bulkhead.acquirePermitAsync();
        assertThatThrownBy(bulkhead::acquirePermit).isInstanceOf(BulkheadFullException.class);

        post("bulkheads", "Reset.bulkhead", "{\"action\":\"reset\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rejectedCalls").isEqualTo(0)
                .jsonPath("$.activeCalls").isEqualTo(1)
                .jsonPath("$.config").isMap();
        assertThat(bulkhead.snapshot().rejectedCalls()).isZero();

        held.release();
        bulkhead.acquirePermitAsync().toCompletableFuture();
    }

    @Test
    void describesARateLimiterWithConfigAndRejectionEvents() {
        RateLimiter limiter = limiters.get("Describe.limiter");
        limiter.acquirePermit();
        limiter.acquirePermit();
        assertThatThrownBy(limiter::acquirePermit).isInstanceOf(RateLimitExceededException.class);

        client.get().uri("/actuator/resilience/ratelimiters/Describe.limiter").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.availablePermits").isEqualTo(0)
                .jsonPath("$.permittedCalls").isEqualTo(2)
                .jsonPath("$.rejectedCalls").isEqualTo(1)
                .jsonPath("$.config.limitForPeriod").isEqualTo(2)
                .jsonPath("$.config.limitRefreshPeriod").isEqualTo("PT1S")
                .jsonPath("$.config.timeoutDuration").isEqualTo("PT0S")
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].type").isEqualTo("REJECTED")
                .jsonPath("$.events[0].retryAfterMs").isEqualTo(1000);
    }

    @Test
    void resetsARateLimitersStatisticsButNotItsPermits() {
        RateLimiter limiter = limiters.get("Reset.limiter");
        limiter.acquirePermit();

        post("ratelimiters", "Reset.limiter", "{\"action\":\"reset\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.permittedCalls").isEqualTo(0)
                .jsonPath("$.availablePermits").isEqualTo(1);
    }

    @Test
    void describesKeyedInstancesByDisplayNameAndAnswers404ForUnknownOnes() {
        bulkheads.get("Keyed.bulkhead", "tenant-a");
        limiters.get("Keyed.limiter", "tenant-a");

        client.get().uri("/actuator/resilience/bulkheads/{name}", "Keyed.bulkhead[tenant-a]").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.activeCalls").isEqualTo(0);
        client.get().uri("/actuator/resilience/ratelimiters/{name}", "Keyed.limiter[tenant-a]").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.availablePermits").isEqualTo(2);
        client.get().uri("/actuator/resilience/bulkheads/Unknown.bulkhead").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/resilience/ratelimiters/Unknown.limiter").exchange().expectStatus().isNotFound();
    }

    @Test
    void rejectsAnActionOtherThanResetWith400() {
        bulkheads.get("Actions.bulkhead");
        limiters.get("Actions.limiter");

        post("bulkheads", "Actions.bulkhead", "{\"action\":\"force-open\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(String.class, error -> assertThat(error).contains("force-open", "valid actions: reset"));
        post("ratelimiters", "Actions.limiter", "{\"action\":\"disable\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(String.class, error -> assertThat(error).contains("disable", "valid actions: reset"));
    }
}
