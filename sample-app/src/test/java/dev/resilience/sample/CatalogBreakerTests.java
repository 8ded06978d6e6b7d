package dev.resilience.sample;

import static dev.resilience.test.ResilienceAssertions.assertThat;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The {@code catalog} breaker seen through the shop's HTTP API, on the test kit's manual clock: the
 * downstream fails until the breaker opens, {@code /price/{sku}} answers 503 without reaching it, and
 * once the clock has passed the open wait (10 s in application.yml) the probes close the breaker again.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ResilienceTest
class CatalogBreakerTests {

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
    void failuresOpenTheBreakerThePriceAnswers503AndTheBreakerRecoversAfterTheOpenWait() {
        assertThat(chaos("{\"failureRate\":1.0,\"latencyMs\":0}")).hasStatusOk();

        int failures = 0;
        while (resilience.circuitBreaker("catalog").state() != CircuitBreakerState.OPEN) {
            assertThat(price()).hasStatus(502);
            assertThat(++failures).as("failures before the breaker opens").isLessThanOrEqualTo(100);
        }
        long reachedDownstream = downstream.calls();

        MvcTestResult rejected = price();
        assertThat(rejected).hasStatus(503).headers().hasValue(HttpHeaders.RETRY_AFTER, "10");
        assertThat(rejected).bodyJson().extractingPath("$.error").isEqualTo("circuit breaker catalog is OPEN");
        assertThat(downstream.calls()).isEqualTo(reachedDownstream);
        assertThat(resilience).circuitBreaker("catalog").isOpen().hasRejected(1);

        assertThat(chaos("{\"failureRate\":0.0,\"latencyMs\":0}")).hasStatusOk();
        clock.advance(Duration.ofSeconds(9));
        assertThat(price()).hasStatus(503);

        clock.advance(Duration.ofSeconds(1));
        assertThat(price()).hasStatusOk();
        assertThat(resilience).circuitBreaker("catalog").isHalfOpen();
        assertThat(price()).hasStatusOk().bodyJson().extractingPath("$.price").isEqualTo("ok:price of sku-1");
        assertThat(resilience).circuitBreaker("catalog").isClosed();
    }

    @Test
    void everyTestStartsWithAClosedBreakerAndNoStatistics() {
        assertThat(resilience).circuitBreaker("catalog").isClosed().hasRejected(0).hasFailedCalls(0).hasBufferedCalls(0);
    }

    private MvcTestResult price() {
        return mvc.get().uri("/price/{sku}", "sku-1").exchange();
    }

    private MvcTestResult chaos(String json) {
        return mvc.post().uri("/chaos").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
