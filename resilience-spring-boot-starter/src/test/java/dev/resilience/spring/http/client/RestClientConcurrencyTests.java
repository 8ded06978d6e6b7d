package dev.resilience.spring.http.client;

import static dev.resilience.spring.http.client.HttpClientTestContext.breaker;
import static dev.resilience.spring.http.client.HttpClientTestContext.client;
import static dev.resilience.spring.http.client.HttpClientTestContext.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.event.EventType;
import dev.resilience.spring.http.client.Downstream.Answer;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

@Tag("concurrency")
class RestClientConcurrencyTests {

    private static final int THREADS = 8;
    private static final int REQUESTS = 25;
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");

    private final Downstream downstream = new Downstream();

    RestClientConcurrencyTests() throws Exception {
    }

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @AfterEach
    void stop() {
        downstream.close();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentFailingRequestsOpenEachHostsBreakerOnceAndEveryRequestHasOneOutcome(ThreadKind kind) {
        downstream.answer("/fail", IntStream.range(0, THREADS * REQUESTS).mapToObj(i -> Answer.status(503))
                .toArray(Answer[]::new));
        HttpClientTestContext.runner().withPropertyValues("resilience.http.client.retry.max-attempts=1",
                "resilience.http.client.circuitbreaker.sliding-window-size=20",
                "resilience.http.client.circuitbreaker.minimum-number-of-calls=10").run(context -> {
            Map<String, RestClient> clients = new ConcurrentHashMap<>();
            HOSTS.forEach(host -> clients.put(host, client(context, downstream.url(host))));
            List<CircuitBreakerEvent> transitions = new CopyOnWriteArrayList<>();
            registry(context, CircuitBreaker.class).addListener((id, breaker) ->
                    breaker.events().subscribe(EnumSet.of(EventType.STATE_TRANSITION), transitions::add));
            Map<String, LongAdder> rejected = Map.of("localhost", new LongAdder(), "127.0.0.1", new LongAdder());

            Concurrently.run(kind, THREADS, Duration.ofSeconds(60), index -> {
                String host = HOSTS.get(index % 2);
                for (int i = 0; i < REQUESTS; i++) {
                    try {
                        clients.get(host).get().uri("/fail").retrieve().body(String.class);
                    } catch (HttpServerErrorException reached) {
                        // counted by the breaker as a failure
                    } catch (CircuitBreakerOpenException refused) {
                        rejected.get(host).increment();
                    }
                }
            });

            assertThat(registry(context, CircuitBreaker.class).all()).hasSize(2);
            assertThat(transitions).hasSize(2);
            long failed = 0;
            for (String host : HOSTS) {
                CircuitBreaker breaker = breaker(context, host);
                assertThat(breaker.state()).isEqualTo(CircuitBreakerState.OPEN);
                assertThat(breaker.snapshot().notPermittedCalls()).isEqualTo(rejected.get(host).sum());
                assertThat(breaker.snapshot().failedCallsTotal() + rejected.get(host).sum()).isEqualTo(THREADS / 2 * REQUESTS);
                failed += breaker.snapshot().failedCallsTotal();
            }
            assertThat(downstream.requestsTo("/fail")).isEqualTo(failed);
        });
    }
}
