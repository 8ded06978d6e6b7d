package dev.resilience.spring.http.client;

import static dev.resilience.spring.http.client.HttpClientTestContext.breaker;
import static dev.resilience.spring.http.client.HttpClientTestContext.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.BulkheadFullException;
import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.spring.http.client.Downstream.Answer;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

class WebClientTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Downstream downstream = new Downstream();
    private final ApplicationContextRunner runner = HttpClientTestContext.runner()
            .withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class));

    WebClientTests() throws Exception {
    }

    @AfterEach
    void stop() {
        downstream.close();
    }

    private static WebClient client(AssertableApplicationContext context, String baseUrl) {
        return context.getBean(WebClient.Builder.class).baseUrl(baseUrl).build();
    }

    private static String get(WebClient client, String path) {
        return client.get().uri(path).retrieve().bodyToMono(String.class).block(WAIT);
    }

    @Test
    void failureStatusesOpenTheHostsBreakerOnlyAndNotFoundIsASuccess() {
        downstream.answer("/fail", Answer.status(503), Answer.status(500)).answer("/missing", Answer.status(404));
        runner.withPropertyValues("resilience.http.client.retry.max-attempts=1",
                "resilience.http.client.circuitbreaker.minimum-number-of-calls=3",
                "resilience.http.client.circuitbreaker.sliding-window-size=3").run(context -> {
            WebClient a = client(context, downstream.url("localhost"));
            assertThatThrownBy(() -> get(a, "/missing")).isInstanceOf(WebClientResponseException.NotFound.class);
            assertThatThrownBy(() -> get(a, "/fail")).isInstanceOf(WebClientResponseException.ServiceUnavailable.class);
            assertThatThrownBy(() -> get(a, "/fail")).isInstanceOf(WebClientResponseException.InternalServerError.class);

            assertThat(breaker(context, "localhost").state()).isEqualTo(CircuitBreakerState.OPEN);
            assertThat(breaker(context, "localhost").snapshot().failedCalls()).isEqualTo(2);
            assertThatThrownBy(() -> get(a, "/ok")).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(get(client(context, downstream.url("127.0.0.1")), "/ok")).isEqualTo("answer 200");
        });
    }

    @Test
    void retryAfterDelaysTheRetryOnTheSchedulerWithoutBlocking() {
        downstream.answer("/busy", Answer.retryAfter(503, "7"));
        runner.run(context -> {
            ManualClock clock = clock(context);
            CompletableFuture<String> call = client(context, downstream.url("localhost")).get().uri("/busy")
                    .retrieve().bodyToMono(String.class).toFuture();

            await().atMost(WAIT).until(() -> clock.pendingTasks() == 1);
            clock.advance(Duration.ofMillis(6_999));
            assertThat(call).isNotDone();
            clock.advance(Duration.ofMillis(1));

            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("answer 200");
            assertThat(downstream.requestsTo("/busy")).isEqualTo(2);
        });
    }

    @Test
    void aConnectionResetIsRetriedForGetButNotForPost() throws Exception {
        try (ResettingServer resetting = new ResettingServer()) {
            runner.run(context -> {
                WebClient client = client(context, resetting.url());

                assertThatThrownBy(() -> client.post().uri("/reset").bodyValue("order").retrieve()
                        .toBodilessEntity().block(WAIT)).isInstanceOf(WebClientRequestException.class);
                assertThat(breaker(context, "localhost").snapshot().failedCalls()).isEqualTo(1);

                assertThatThrownBy(() -> get(client, "/reset")).isInstanceOf(WebClientRequestException.class);
                assertThat(breaker(context, "localhost").snapshot().failedCalls()).isEqualTo(4);
            });
        }
    }

    @Test
    void theBulkheadOfAHostRejectsAConcurrentExchangeBeyondItsLimit() {
        CountDownLatch release = new CountDownLatch(1);
        downstream.answer("/slow", Answer.heldUntil(release));
        runner.withPropertyValues("resilience.http.client.bulkhead.max-concurrent-calls=1").run(context -> {
            WebClient a = client(context, downstream.url("localhost"));
            CompletableFuture<String> held = a.get().uri("/slow").retrieve().bodyToMono(String.class).toFuture();
            assertThat(downstream.awaitHeld()).isTrue();

            assertThatThrownBy(() -> get(a, "/other")).isInstanceOf(BulkheadFullException.class);
            assertThat(get(client(context, downstream.url("127.0.0.1")), "/other")).isEqualTo("answer 200");

            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("answer 200");
            assertThat(get(a, "/other")).isEqualTo("answer 200");
        });
    }
}
