package dev.resilience.spring.http.client;

import static dev.resilience.spring.http.client.HttpClientTestContext.breaker;
import static dev.resilience.spring.http.client.HttpClientTestContext.client;
import static dev.resilience.spring.http.client.HttpClientTestContext.retry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.spring.http.client.Downstream.Answer;
import dev.resilience.spring.http.client.Downstream.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

class RestClientFailureTests {

    private final Downstream downstream = new Downstream();
    private final ApplicationContextRunner runner = HttpClientTestContext.runner();

    RestClientFailureTests() throws Exception {
    }

    @AfterEach
    void stop() {
        downstream.close();
    }

    private static String get(RestClient client, String path) {
        return client.get().uri(path).retrieve().body(String.class);
    }

    @Test
    void failureStatusesOpenTheBreakerOfTheirHostOnlyAndTheCallerSeesRestClientsException() {
        downstream.answer("/fail", Answer.status(503), Answer.status(500));
        runner.withPropertyValues("resilience.http.client.retry.max-attempts=1",
                "resilience.http.client.circuitbreaker.minimum-number-of-calls=2",
                "resilience.http.client.circuitbreaker.sliding-window-size=2").run(context -> {
            RestClient a = client(context, downstream.url("localhost"));
            RestClient b = client(context, downstream.url("127.0.0.1"));

            assertThatThrownBy(() -> get(a, "/fail")).isInstanceOf(HttpServerErrorException.class);
            assertThatThrownBy(() -> get(a, "/fail")).isInstanceOf(HttpServerErrorException.class);

            assertThat(breaker(context, "localhost").state()).isEqualTo(CircuitBreakerState.OPEN);
            assertThatThrownBy(() -> get(a, "/ok")).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessageContaining("http-client[localhost]");
            assertThat(get(b, "/ok")).isEqualTo("answer 200");
            assertThat(breaker(context, "127.0.0.1").state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(downstream.requestsTo("/ok")).isEqualTo(1);
        });
    }

    @Test
    void aStatusOutsideFailureStatusCodesIsASuccessAndIsNotRetried() {
        downstream.answer("/missing", Answer.status(404));
        runner.run(context -> {
            RestClient a = client(context, downstream.url("localhost"));

            assertThatThrownBy(() -> get(a, "/missing")).isInstanceOf(HttpClientErrorException.NotFound.class);

            assertThat(breaker(context, "localhost").snapshot().failedCalls()).isZero();
            assertThat(breaker(context, "localhost").snapshot().successfulCalls()).isEqualTo(1);
            assertThat(downstream.requestsTo("/missing")).isEqualTo(1);
        });
    }

    @Test
    void aFailureStatusIsRetriedAndTheRetryGetsTheNextAnswer() {
        downstream.answer("/flaky", Answer.status(502), Answer.status(503));
        runner.run(context -> {
            assertThat(get(client(context, downstream.url("localhost")), "/flaky")).isEqualTo("answer 200");

            assertThat(downstream.requestsTo("/flaky")).isEqualTo(3);
            assertThat(breaker(context, "localhost").snapshot().failedCalls()).isEqualTo(2);
            assertThat(retry(context, "localhost").snapshot().successfulWithRetry()).isEqualTo(1);
        });
    }

    @Test
    void whenRetriesRunOutTheCallerGetsTheLastFailedResponse() {
        downstream.answer("/down", Answer.status(500), Answer.status(502), Answer.status(503));
        runner.run(context -> {
            assertThatThrownBy(() -> get(client(context, downstream.url("localhost")), "/down"))
                    .isInstanceOfSatisfying(HttpServerErrorException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
            assertThat(downstream.requestsTo("/down")).isEqualTo(3);
        });
    }

    @Test
    void aConnectionResetIsAFailureAndIsRetriedForGetButNotForPost() throws Exception {
        try (ResettingServer resetting = new ResettingServer()) {
            runner.run(context -> {
                RestClient client = client(context, resetting.url());

                assertThatThrownBy(() -> client.post().uri("/reset").body("order").retrieve().toBodilessEntity())
                        .isInstanceOf(ResourceAccessException.class);
                assertThat(breaker(context, "localhost").snapshot().failedCalls()).isEqualTo(1);
                assertThat(resetting.connections()).isEqualTo(1);

                assertThatThrownBy(() -> get(client, "/reset")).isInstanceOf(ResourceAccessException.class);
                assertThat(breaker(context, "localhost").snapshot().failedCalls()).isEqualTo(4);
                assertThat(retry(context, "localhost").snapshot().failedWithRetry()).isEqualTo(1);
                // at least one connection per attempt (the JDK client reconnects a GET once by itself)
                assertThat(resetting.connections()).isGreaterThanOrEqualTo(1 + 3);
            });
        }
    }

    @Test
    void postIsNotRetriedOnAFailureStatus() {
        downstream.answer("/orders", Answer.status(503));
        runner.run(context -> {
            RestClient client = client(context, downstream.url("localhost"));

            assertThatThrownBy(() -> client.post().uri("/orders").body("order").retrieve().toBodilessEntity())
                    .isInstanceOf(HttpServerErrorException.class);
            assertThat(downstream.requestsTo("/orders")).isEqualTo(1);
        });
    }

    @Test
    void withRetryNonIdempotentAPostIsRetriedWithTheSameBody() {
        downstream.answer("/orders", Answer.status(503));
        runner.withPropertyValues("resilience.http.client.retry-non-idempotent=true").run(context -> {
            RestClient client = client(context, downstream.url("localhost"));

            client.post().uri("/orders").body("order-42").retrieve().toBodilessEntity();

            assertThat(downstream.received()).extracting(Received::body).containsExactly("order-42", "order-42");
        });
    }
}
