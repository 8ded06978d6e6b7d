package dev.resilience.spring.http.client;

import static dev.resilience.spring.http.client.HttpClientTestContext.breaker;
import static dev.resilience.spring.http.client.HttpClientTestContext.bulkhead;
import static dev.resilience.spring.http.client.HttpClientTestContext.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.BulkheadFullException;
import dev.resilience.spring.http.client.Downstream.Answer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class RestClientBulkheadTests {

    private final Downstream downstream = new Downstream();

    RestClientBulkheadTests() throws Exception {
    }

    @AfterEach
    void stop() {
        downstream.close();
    }

    @Test
    void theBulkheadOfAHostLimitsItsConcurrentRequestsAndLeavesOtherHostsAlone() {
        CountDownLatch release = new CountDownLatch(1);
        downstream.answer("/slow", Answer.heldUntil(release));
        HttpClientTestContext.runner().withPropertyValues("resilience.http.client.bulkhead.max-concurrent-calls=1")
                .run(context -> {
                    RestClient a = client(context, downstream.url("localhost"));
                    RestClient b = client(context, downstream.url("127.0.0.1"));
                    CompletableFuture<String> held = CompletableFuture.supplyAsync(
                            () -> a.get().uri("/slow").retrieve().body(String.class));
                    assertThat(downstream.awaitHeld()).isTrue();
                    assertThat(bulkhead(context, "localhost").snapshot().activeCalls()).isEqualTo(1);

                    assertThatThrownBy(() -> a.get().uri("/other").retrieve().body(String.class))
                            .isInstanceOf(BulkheadFullException.class)
                            .hasMessageContaining("http-client[localhost]");
                    assertThat(b.get().uri("/other").retrieve().body(String.class)).isEqualTo("answer 200");

                    release.countDown();
                    assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("answer 200");
                    assertThat(bulkhead(context, "localhost").snapshot().activeCalls()).isZero();
                    assertThat(a.get().uri("/other").retrieve().body(String.class)).isEqualTo("answer 200");
                    assertThat(downstream.requestsTo("/other")).isEqualTo(2);
                    // a full bulkhead is local overload, not a downstream failure
                    assertThat(breaker(context, "localhost").snapshot().failedCalls()).isZero();
                });
    }
}
