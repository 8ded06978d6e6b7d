package dev.resilience.spring.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerEvent;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.circuitbreaker.TransitionReason;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceEndpointAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceHealthCheckAutoConfiguration;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A breaker following an HTTP URL served by a real local server the test starts. */
class HealthCheckUrlTests {

    private static final String HC = "resilience.circuitbreaker.instances.orders.health-check.";
    private static final Duration BOUND = Duration.ofSeconds(10);

    private HttpServer server;
    private ExecutorService serverThreads;
    private String url;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile CountDownLatch hold;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            requests.incrementAndGet();
            try {
                if (hold != null) {
                    hold.countDown();
                    release.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                        ResilienceHealthCheckAutoConfiguration.class, ResilienceEndpointAutoConfiguration.class))
                .withBean(ManualClock.class, ManualClock::new)
                .withPropertyValues("management.endpoints.web.exposure.include=resilience", HC + "url=" + url,
                        HC + "interval=5s");
    }

    @Test
    void a503HoldsTheBreakerOpenAndA200ReleasesItToHalfOpen() {
        runner().run(context -> {
            ManualClock clock = context.getBean(ManualClock.class);
            CircuitBreaker breaker = breaker(context);
            List<CircuitBreakerEvent.StateTransition> transitions = transitions(breaker);
            clock.runDueTasks();
            await().atMost(BOUND).until(() -> status(context).equals("UP") && clock.pendingTasks() == 1);
            assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);

            status.set(503);
            clock.advance(Duration.ofSeconds(5));
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);
            assertThat(breaker.holdReason()).isEqualTo("url " + url + ": HTTP 503");

            status.set(204);
            clock.advance(Duration.ofSeconds(5));
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.HALF_OPEN);
            assertThat(transitions).extracting(CircuitBreakerEvent.StateTransition::reason)
                    .containsExactly(TransitionReason.HEALTH_CHECK, TransitionReason.HEALTH_CHECK);
            assertThat(transitions.get(1).detail()).isEqualTo("url " + url + ": HTTP 204");
            assertThat(requests).hasValue(3);
        });
    }

    @Test
    void aStoppedServerIsUnhealthy() {
        server.stop(0);
        runner().run(context -> {
            CircuitBreaker breaker = breaker(context);
            context.getBean(ManualClock.class).runDueTasks();

            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);
            assertThat(breaker.holdReason()).isEqualTo("url " + url + ": connection refused or unreachable (ConnectException)");
        });
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsUnhealthy() {
        hold = new CountDownLatch(1);
        runner().withPropertyValues(HC + "timeout=300ms").run(context -> {
            CircuitBreaker breaker = breaker(context);
            context.getBean(ManualClock.class).runDueTasks();

            assertThat(hold.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the request reached the server").isTrue();
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);
            assertThat(breaker.holdReason()).isEqualTo("url " + url + ": no answer within 300 ms");
        });
    }

    @Test
    void theEndpointShowsTheUrlCheckAndWhyTheBreakerIsOpen() {
        status.set(500);
        runner().run(context -> {
            CircuitBreaker breaker = breaker(context);
            ManualClock clock = context.getBean(ManualClock.class);
            clock.advance(Duration.ofSeconds(3));
            await().atMost(BOUND).until(() -> breaker.state() == CircuitBreakerState.OPEN);

            Map<String, Object> orders = context.getBean(ResilienceEndpoint.class).instance("circuitbreakers", "orders");

            assertThat(orders).containsEntry("state", "OPEN").containsEntry("healthCheck", Map.of("status", "DOWN",
                    "source", "url " + url, "since", "2026-01-01T00:00:03Z", "detail", "HTTP 500"));
        });
    }

    @Test
    void keyedInstancesOfTheNameFollowTheSignalToo() {
        runner().run(context -> {
            InstanceRegistry<CircuitBreaker> registry = registry(context);
            CircuitBreaker keyed = registry.get("orders", "eu");
            status.set(503);
            context.getBean(ManualClock.class).runDueTasks();

            await().atMost(BOUND).until(() -> keyed.state() == CircuitBreakerState.OPEN);
            assertThat(registry.get("orders").state()).isEqualTo(CircuitBreakerState.OPEN);
            assertThat(context.getBean(ResilienceEndpoint.class).instance("circuitbreakers", "orders[eu]"))
                    .containsKey("healthCheck");
        });
    }

    private static String status(AssertableApplicationContext context) {
        return context.getBean(HealthChecks.class).status("orders").orElseThrow().status();
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<CircuitBreaker> registry(AssertableApplicationContext context) {
        return context.getBean("circuitBreakerRegistry", InstanceRegistry.class);
    }

    private static CircuitBreaker breaker(AssertableApplicationContext context) {
        return registry(context).get("orders");
    }

    private static List<CircuitBreakerEvent.StateTransition> transitions(CircuitBreaker breaker) {
        List<CircuitBreakerEvent.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.events().subscribe(event -> {
            if (event instanceof CircuitBreakerEvent.StateTransition transition) {
                transitions.add(transition);
            }
        });
        return transitions;
    }
}
