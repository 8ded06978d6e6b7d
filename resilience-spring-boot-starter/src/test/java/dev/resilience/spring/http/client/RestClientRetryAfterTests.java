package dev.resilience.spring.http.client;

import static dev.resilience.spring.http.client.HttpClientTestContext.breaker;
import static dev.resilience.spring.http.client.HttpClientTestContext.client;
import static dev.resilience.spring.http.client.HttpClientTestContext.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.spring.http.client.Downstream.Answer;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

class RestClientRetryAfterTests {

    private final Downstream downstream = new Downstream();
    private final ApplicationContextRunner runner = HttpClientTestContext.runner()
            .withPropertyValues("resilience.http.client.retry.wait-duration=500ms");

    RestClientRetryAfterTests() throws Exception {
    }

    @AfterEach
    void stop() {
        downstream.close();
    }

    /** Starts a GET on another thread and checks that its retry waits exactly the expected time. */
    private void assertRetryWaits(AssertableApplicationContext context, Duration expected) throws Exception {
        ManualClock clock = clock(context);
        RestClient client = client(context, downstream.url("localhost"));
        CompletableFuture<String> call = CompletableFuture.supplyAsync(
                () -> client.get().uri("/busy").retrieve().body(String.class));

        await().atMost(Duration.ofSeconds(10)).until(() -> clock.pendingTasks() == 1);
        clock.advance(expected.minusMillis(1));
        assertThat(call).isNotDone();
        assertThat(downstream.requestsTo("/busy")).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("answer 200");
        assertThat(downstream.requestsTo("/busy")).isEqualTo(2);
    }

    @Test
    void retryAfterInSecondsOnA503ReplacesTheBackoffDelay() {
        downstream.answer("/busy", Answer.retryAfter(503, "7"));
        runner.run(context -> assertRetryWaits(context, Duration.ofSeconds(7)));
    }

    @Test
    void retryAfterAsAnHttpDateOnA429IsMeasuredAgainstTheInjectedWallClock() {
        runner.run(context -> {
            Instant retryAt = Instant.ofEpochMilli(clock(context).epochMillis()).plusSeconds(9);
            downstream.answer("/busy", Answer.retryAfter(429,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atOffset(ZoneOffset.UTC))));
            assertRetryWaits(context, Duration.ofSeconds(9));
        });
    }

    @Test
    void withoutRetryAfterTheBackoffDelayApplies() {
        downstream.answer("/busy", Answer.status(503));
        runner.run(context -> assertRetryWaits(context, Duration.ofMillis(500)));
    }

    @Test
    void aRetryAfterThatWouldEndPastMaxDurationEndsTheRetriesAtOnce() {
        downstream.answer("/busy", Answer.retryAfter(429, "30"));
        runner.withPropertyValues("resilience.http.client.retry.max-duration=10s").run(context -> {
            RestClient client = client(context, downstream.url("localhost"));

            assertThatThrownBy(() -> client.get().uri("/busy").retrieve().body(String.class))
                    .isInstanceOf(HttpClientErrorException.TooManyRequests.class);
            assertThat(downstream.requestsTo("/busy")).isEqualTo(1);
        });
    }

    @Test
    void retryAfterOnTheFailureThatOpensTheBreakerSetsTheOpenWait() {
        downstream.answer("/busy", Answer.retryAfter(429, "5"));
        runner.withPropertyValues("resilience.http.client.retry.max-attempts=1",
                "resilience.http.client.circuitbreaker.minimum-number-of-calls=1",
                "resilience.http.client.circuitbreaker.sliding-window-size=1",
                "resilience.http.client.circuitbreaker.wait-duration-in-open-state=60s",
                "resilience.http.client.circuitbreaker.permitted-calls-in-half-open-state=1",
                "resilience.http.client.circuitbreaker.success-threshold=1").run(context -> {
            ManualClock clock = clock(context);
            RestClient client = client(context, downstream.url("localhost"));
            assertThatThrownBy(() -> client.get().uri("/busy").retrieve().body(String.class))
                    .isInstanceOf(HttpClientErrorException.TooManyRequests.class);
            assertThat(breaker(context, "localhost").state()).isEqualTo(CircuitBreakerState.OPEN);

            clock.advance(Duration.ofMillis(4_999));
            assertThatThrownBy(() -> client.get().uri("/busy").retrieve().body(String.class))
                    .isInstanceOfSatisfying(CircuitBreakerOpenException.class,
                            e -> assertThat(e.getRemainingWait()).isEqualTo(Duration.ofMillis(1)));

            clock.advance(Duration.ofMillis(1));
            assertThat(client.get().uri("/busy").retrieve().body(String.class)).isEqualTo("answer 200");
            assertThat(breaker(context, "localhost").state()).isEqualTo(CircuitBreakerState.CLOSED);
        });
    }
}
