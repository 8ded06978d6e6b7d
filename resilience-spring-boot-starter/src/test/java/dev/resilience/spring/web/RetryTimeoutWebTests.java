package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.TimeoutExceededException;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.time.ManualClock;
import dev.resilience.timeout.Timeout;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Retries and timeouts through the web: the endpoint's JSON (fields, config, events, {@code reset}) and the
 * exact Prometheus lines of their meters. Instances are driven directly through the registries the
 * starter defines, on the shared {@link ManualClock}; each test uses its own names.
 */
@ObservabilityWebTest
class RetryTimeoutWebTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<Retry> retries;

    @Autowired
    private InstanceRegistry<Timeout> timeouts;

    @Autowired
    private ManualClock clock;

    /** One call that fails {@code failures} times, then succeeds if any attempt is left. */
    private static void call(Retry retry, int failures) {
        Retry.Context context = retry.start();
        for (int i = 0; i < failures; i++) {
            if (context.onFailure(new IOException("down")) < 0) {
                return;
            }
        }
        context.onSuccess();
    }

    private static void timedOut(Timeout timeout, ManualClock clock) {
        Timeout.Call call = timeout.start();
        clock.advance(timeout.config().duration());
        assertThatThrownBy(call::onSuccess).isInstanceOf(TimeoutExceededException.class);
    }

    private String scrape() {
        return client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void describesARetryWithItsOutcomesConfigAndEventsNewestFirst() {
        Retry retry = retries.get("web.retry");
        call(retry, 0);
        call(retry, 1);
        call(retry, 3);

        client.get().uri("/actuator/resilience").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.retries['web.retry'].successfulWithoutRetry").isEqualTo(1)
                .jsonPath("$.retries['web.retry'].successfulWithRetry").isEqualTo(1)
                .jsonPath("$.retries['web.retry'].failedWithoutRetry").isEqualTo(0)
                .jsonPath("$.retries['web.retry'].failedWithRetry").isEqualTo(1);
        client.get().uri("/actuator/resilience/retries/web.retry").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.config.maxAttempts").isEqualTo(3)
                .jsonPath("$.config.backoff").isEqualTo("EXPONENTIAL")
                .jsonPath("$.config.waitDuration").isEqualTo("PT0.5S")
                .jsonPath("$.config.maxDuration").isEqualTo("PT0S")
                .jsonPath("$.config.budgetRatio").isEqualTo(0.0)
                .jsonPath("$.events.length()").isEqualTo(4)
                .jsonPath("$.events[0].type").isEqualTo("EXHAUSTED")
                .jsonPath("$.events[0].attempts").isEqualTo(3)
                .jsonPath("$.events[0].exception").isEqualTo("java.io.IOException")
                .jsonPath("$.events[0].message").doesNotExist()
                .jsonPath("$.events[1].type").isEqualTo("RETRY")
                .jsonPath("$.events[1].attempt").isEqualTo(2)
                .jsonPath("$.events[1].exception").isEqualTo("java.io.IOException")
                .jsonPath("$.events[1].waitMs").isNumber()
                .jsonPath("$.events[1].timestamp").isNotEmpty()
                .jsonPath("$.events[2].attempt").isEqualTo(1)
                .jsonPath("$.events[3].attempt").isEqualTo(1);
    }

    @Test
    void resetClearsARetrysStatistics() {
        Retry retry = retries.get("web.retry.reset");
        call(retry, 1);

        client.post().uri("/actuator/resilience/retries/web.retry.reset")
                .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"reset\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.successfulWithRetry").isEqualTo(0);
        assertThat(retry.snapshot().calls()).isZero();
        client.post().uri("/actuator/resilience/retries/web.retry.reset")
                .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"force-open\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(message -> assertThat((String) message).contains("reset"));
    }

    @Test
    void describesATimeoutWithDisjointCountsAndResetsIt() {
        Timeout timeout = timeouts.get("web.timeout");
        timeout.start().onSuccess();
        timeout.start().onError(new IOException("refused"));
        timedOut(timeout, clock);

        client.get().uri("/actuator/resilience/timeouts/web.timeout").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.duration").isEqualTo("PT1S")
                .jsonPath("$.successfulCalls").isEqualTo(1)
                .jsonPath("$.failedCalls").isEqualTo(1)
                .jsonPath("$.timedOutCalls").isEqualTo(1)
                .jsonPath("$.config.duration").isEqualTo("PT1S")
                .jsonPath("$.config.cancelRunning").isEqualTo(true)
                .jsonPath("$.config.writableStackTrace").isEqualTo(false)
                .jsonPath("$.events[0].type").isEqualTo("TIMED_OUT")
                .jsonPath("$.events[0].timeoutMs").isEqualTo(1000)
                .jsonPath("$.events[1].type").isEqualTo("FAILURE")
                .jsonPath("$.events[1].exception").isEqualTo("java.io.IOException");

        client.post().uri("/actuator/resilience/timeouts/web.timeout")
                .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"reset\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timedOutCalls").isEqualTo(0)
                .jsonPath("$.duration").isEqualTo("PT1S");
    }

    @Test
    void rendersRetryAndTimeoutMetersUnderTheirPrometheusNames() {
        Retry retry = retries.get("prom.retry");
        call(retry, 0);
        call(retry, 2);
        call(retry, 0);
        call(retry, 3);
        Timeout timeout = timeouts.get("prom.timeout");
        timeout.start().onSuccess();
        timeout.start().onSuccess();
        timeout.start().onError(new IOException("refused"));
        timedOut(timeout, clock);

        assertThat(scrape().lines()).contains(
                "resilience_retry_calls_total{kind=\"successful_without_retry\",name=\"prom.retry\"} 2.0",
                "resilience_retry_calls_total{kind=\"successful_with_retry\",name=\"prom.retry\"} 1.0",
                "resilience_retry_calls_total{kind=\"failed_without_retry\",name=\"prom.retry\"} 0.0",
                "resilience_retry_calls_total{kind=\"failed_with_retry\",name=\"prom.retry\"} 1.0",
                "resilience_retry_attempts_total{name=\"prom.retry\"} 4.0",
                "resilience_timeout_calls_total{kind=\"successful\",name=\"prom.timeout\"} 2.0",
                "resilience_timeout_calls_total{kind=\"failed\",name=\"prom.timeout\"} 1.0",
                "resilience_timeout_calls_total{kind=\"timed_out\",name=\"prom.timeout\"} 1.0");
    }

}
