package dev.resilience.spring.http.client;

import static dev.resilience.spring.http.client.HttpClientTestContext.breaker;
import static dev.resilience.spring.http.client.HttpClientTestContext.bulkhead;
import static dev.resilience.spring.http.client.HttpClientTestContext.client;
import static dev.resilience.spring.http.client.HttpClientTestContext.registry;
import static dev.resilience.spring.http.client.HttpClientTestContext.retry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceId;
import dev.resilience.retry.Retry;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceHttpClientAutoConfiguration;
import dev.resilience.spring.http.client.Downstream.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

class HttpClientConfigurationTests {

    private static final String CLIENT = "resilience.http.client.";

    private final Downstream downstream = new Downstream();
    private final ApplicationContextRunner runner = HttpClientTestContext.runner();

    HttpClientConfigurationTests() throws Exception {
    }

    @AfterEach
    void stop() {
        downstream.close();
    }

    @Test
    void aHostsOwnSettingsWinOverTheSharedOnesAndPresetsApply() {
        downstream.answer("/fail", Answer.status(503), Answer.status(503));
        runner.withPropertyValues(CLIENT + "retry.max-attempts=1",
                CLIENT + "circuitbreaker.preset=upstream-http",
                CLIENT + "hosts[127.0.0.1].circuitbreaker.minimum-number-of-calls=1",
                CLIENT + "hosts[127.0.0.1].bulkhead.max-concurrent-calls=3",
                CLIENT + "hosts[127.0.0.1].retry.max-attempts=2").run(context -> {
            RestClient a = client(context, downstream.url("localhost"));
            RestClient b = client(context, downstream.url("127.0.0.1"));
            assertThatThrownBy(() -> a.get().uri("/fail").retrieve().body(String.class))
                    .isInstanceOf(HttpServerErrorException.class);
            // one failure opens 127.0.0.1's breaker, so its retry is refused (SPEC ruling 8)
            assertThatThrownBy(() -> b.get().uri("/fail").retrieve().body(String.class))
                    .isInstanceOf(CircuitBreakerOpenException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                            .isInstanceOfSatisfying(FailureStatusException.class, f -> assertThat(f.getStatus()).isEqualTo(503)));

            CircuitBreaker shared = breaker(context, "localhost");
            CircuitBreaker own = breaker(context, "127.0.0.1");
            assertThat(shared.config().minimumNumberOfCalls()).isEqualTo(100);
            assertThat(shared.config().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(30));
            assertThat(own.config().minimumNumberOfCalls()).isEqualTo(1);
            assertThat(own.config().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(30));
            assertThat(own.state()).isEqualTo(CircuitBreakerState.OPEN);
            assertThat(shared.state()).isEqualTo(CircuitBreakerState.CLOSED);
            assertThat(bulkhead(context, "127.0.0.1").config().maxConcurrentCalls()).isEqualTo(3);
            assertThat(bulkhead(context, "localhost").config().maxConcurrentCalls()).isEqualTo(25);
            assertThat(retry(context, "127.0.0.1").config().maxAttempts()).isEqualTo(2);
        });
    }

    @Test
    void keyedByHostAndPathTheUriTemplateNamesTheInstanceNotTheRawPath() {
        runner.withPropertyValues(CLIENT + "key=host-and-path").run(context -> {
            RestClient client = client(context, downstream.url("localhost"));

            client.get().uri("/users/{id}", 1).retrieve().body(String.class);
            client.get().uri("/users/{id}?verbose={v}", 2, true).retrieve().body(String.class);

            assertThat(registry(context, CircuitBreaker.class).all().keySet()).extracting(InstanceId::displayName)
                    .containsExactly("http-client[localhost/users/{id}]");
            assertThat(breaker(context, "localhost/users/{id}").snapshot().successfulCalls()).isEqualTo(2);
            assertThat(downstream.requestsTo("/users/1")).isEqualTo(1);
            assertThat(downstream.requestsTo("/users/2")).isEqualTo(1);
        });
    }

    @Test
    void maxKeysBoundsTheHostsWithInstancesOfTheirOwn() {
        runner.withPropertyValues(CLIENT + "circuitbreaker.max-keys=1", CLIENT + "bulkhead.max-keys=1").run(context -> {
            client(context, downstream.url("localhost")).get().uri("/a").retrieve().body(String.class);
            client(context, downstream.url("127.0.0.1")).get().uri("/a").retrieve().body(String.class);

            assertThat(registry(context, CircuitBreaker.class).all().keySet()).extracting(InstanceId::displayName)
                    .containsExactly("http-client[127.0.0.1]");
            assertThat(registry(context, Retry.class).all()).hasSize(1);
        });
    }

    @Test
    void isOffByDefault() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                        ResilienceHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(HttpClientInstances.class)
                            .doesNotHaveBean("resilienceRestClientCustomizer");
                    assertThat(context.getBean(RestClient.Builder.class).baseUrl(downstream.url("localhost")).build()
                            .get().uri("/a").retrieve().body(String.class)).isEqualTo("answer 200");
                    assertThat(registry(context, CircuitBreaker.class).all()).isEmpty();
                });
    }

    @Test
    void registersTheCustomizerWhenEnabled() {
        runner.run(context -> assertThat(context).hasSingleBean(RestClientCustomizer.class)
                .hasBean("resilienceRestClientCustomizer"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "circuitbreaker.failure-rate-threshold                  | 101",
        "circuitbreaker.failure-status-codes                    | 5xx",
        "circuitbreaker.preset                                  | no-such-preset",
        "bulkhead.max-concurrent-calls                          | 0",
        "retry.max-attempts                                     | 0",
        "hosts[api.example.com].circuitbreaker.success-threshold | 0",
        "hosts[api.example.com].retry.jitter                    | 1.5",
    })
    void anInvalidValueFailsStartupNamingItsPathAndValue(String property, String value) {
        String path = CLIENT + property.trim();
        runner.withPropertyValues(path + "=" + value.trim()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(path + " = " + value.trim());
        });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "circuitbreaker.health-check.url                          | http://localhost:8081/health",
        "hosts[api.example.com].circuitbreaker.health-check.contributor | db",
    })
    void aHealthCheckForTheClientFailsStartupInsteadOfBeingIgnored(String property, String value) {
        String path = CLIENT + property.trim();
        runner.withPropertyValues(path + "=" + value.trim()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(path + " = " + value.trim())
                    .hasStackTraceContaining("resilience.circuitbreaker.instances.<name>.health-check");
        });
    }

    @Test
    void anUnknownKeyFailsStartup() {
        runner.withPropertyValues(CLIENT + "circuitbreaker.failure-rate=50").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("failure-rate");
        });
    }

    @Test
    void anUnknownKeyFailsStartupEvenWhenDisabled() {
        runner.withPropertyValues(CLIENT + "enabled=false", CLIENT + "retry-non-idempotnt=true")
                .run(context -> assertThat(context).hasFailed());
    }
}
