package dev.resilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.test.ResilienceInstances;
import dev.resilience.test.ResilienceTest;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The outbound client's per-host breaker: the flaky downstream is a real HTTP server on its own loopback
 * port, so every warehouse's stock lookup goes through {@code http-client[127.0.0.1]}. Five failures across
 * five warehouses (one each, too few for any {@code stock[...]} breaker) open the host's breaker; then no
 * call reaches the downstream until its 5 s wait is over.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ResilienceTest
class OutboundBreakerTests {

    private static final String HOST = "127.0.0.1";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ManualClock clock;

    @Autowired
    ResilienceInstances resilience;

    @Autowired
    FlakyDownstream downstream;

    @AfterEach
    void calmTheDownstream() {
        downstream.chaos(Chaos.NONE);
    }

    @Test
    void failuresAcrossCallSitesOpenTheHostsBreakerWhichThenKeepsCallsAway() {
        downstream.chaos(new Chaos(1.0, 0));
        for (int warehouse = 1; warehouse <= 5; warehouse++) {
            assertThat(stock("w" + warehouse)).hasStatus(502);
        }
        assertThat(resilience.circuitBreaker("http-client", HOST).state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(resilience.circuitBreaker("stock", "w1").state()).isEqualTo(CircuitBreakerState.CLOSED);
        long reached = downstream.calls();

        MvcTestResult rejected = stock("w6");
        assertThat(rejected).hasStatus(503).headers().hasValue(HttpHeaders.RETRY_AFTER, "5");
        assertThat(rejected).bodyJson().extractingPath("$.error")
                .isEqualTo("circuit breaker http-client[127.0.0.1] is OPEN");
        assertThat(downstream.calls()).isEqualTo(reached);
        assertThat(mvc.get().uri("/actuator/resilience")).bodyJson()
                .extractingPath("$.circuitBreakers['http-client[127.0.0.1]'].state").isEqualTo("OPEN");

        downstream.chaos(Chaos.NONE);
        clock.advance(Duration.ofSeconds(5));
        assertThat(stock("w6")).hasStatusOk();
        assertThat(downstream.calls()).isEqualTo(reached + 1);
    }

    private MvcTestResult stock(String warehouse) {
        return mvc.get().uri("/stock/{sku}?warehouse={warehouse}", "sku-1", warehouse).exchange();
    }
}
