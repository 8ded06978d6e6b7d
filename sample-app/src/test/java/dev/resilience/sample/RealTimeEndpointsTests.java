package dev.resilience.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.test.AutoResetResilience;
import dev.resilience.test.ResilienceInstances;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The sample endpoints whose protection works on real time: retry backoff, a timeout that interrupts
 * the request thread, and a bulkhead held by slow calls. Every wait is bounded.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoResetResilience
@Import(ResilienceInstances.class)
class RealTimeEndpointsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FlakyDownstream downstream;

    @Autowired
    ResilienceInstances resilience;

    @AfterEach
    void calmTheDownstream() {
        downstream.chaos(Chaos.NONE);
    }

    @Test
    void recommendationsRetryThreeTimesThenTheFallbackAnswers() {
        downstream.chaos(new Chaos(1.0, 0));
        long before = downstream.calls();

        assertThat(mvc.get().uri("/recommendations?customer=ada")).hasStatusOk()
                .bodyJson().extractingPath("$.source").isEqualTo("fallback");

        assertThat(downstream.calls() - before).isEqualTo(3);
        assertThat(resilience.retry("recommendations").snapshot().failedWithRetry()).isEqualTo(1);
    }

    @Test
    void aSlowReportIsCutOffAt500Milliseconds() {
        downstream.chaos(new Chaos(0, 5_000));
        long start = System.nanoTime();

        assertThat(mvc.get().uri("/slow")).hasStatus(504);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(resilience.timeout("slow").snapshot().timedOutCalls()).isEqualTo(1);
    }

    @Test
    void aThirdConcurrentReportIsRejectedWhileTwoRun() throws Exception {
        downstream.chaos(new Chaos(0, 1_500));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> status("/report?id=1"));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> status("/report?id=2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> resilience.bulkhead("report").snapshot().activeCalls() == 2);

        assertThat(mvc.get().uri("/report?id=3")).hasStatus(503).bodyJson().extractingPath("$.reason").isEqualTo("QUEUE_FULL");

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(resilience.bulkhead("report").snapshot().rejectedCalls()).isEqualTo(1);
    }

    @Test
    void theRetryDemoAfterEarlierSuccessesLeavesTheHostsBreakerClosed() {
        for (int call = 1; call <= 3; call++) {
            assertThat(mvc.get().uri("/recommendations?customer=ada")).hasStatusOk()
                    .bodyJson().extractingPath("$.source").isEqualTo("downstream");
        }
        downstream.chaos(new Chaos(1.0, 0));

        assertThat(mvc.get().uri("/recommendations?customer=ada")).hasStatusOk()
                .bodyJson().extractingPath("$.source").isEqualTo("fallback");
        assertThat(status("/stock/sku-1?warehouse=w1")).isEqualTo(502);

        CircuitBreaker host = resilience.circuitBreaker("http-client", "127.0.0.1");
        assertThat(host.snapshot().failedCalls()).isEqualTo(4);
        assertThat(host.state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    private int status(String uri) {
        return mvc.get().uri(uri).exchange().getResponse().getStatus();
    }
}
