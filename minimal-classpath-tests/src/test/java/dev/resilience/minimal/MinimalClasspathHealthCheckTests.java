package dev.resilience.minimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A URL health check with only the starter on the classpath (no spring-boot-health): it starts and holds
 * the breaker OPEN while the local server answers 503.
 */
@SpringBootTest
class MinimalClasspathHealthCheckTests {

    private static HttpServer server;

    @Autowired
    InstanceRegistry<CircuitBreaker> circuitBreakers;

    @Autowired
    ManualClock clock;

    @DynamicPropertySource
    static void healthCheckUrl(DynamicPropertyRegistry registry) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        registry.add("resilience.circuitbreaker.instances.catalog.health-check.url",
                () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/health");
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void anUnhealthyUrlHoldsTheBreakerOpen() {
        CircuitBreaker catalog = circuitBreakers.get("catalog");
        clock.runDueTasks();

        await().atMost(Duration.ofSeconds(10)).until(() -> catalog.state() == CircuitBreakerState.OPEN);
        assertThat(catalog.holdReason()).endsWith("/health: HTTP 503");
    }

    @SpringBootApplication
    static class App {

        @Bean
        ManualClock manualClock() {
            return new ManualClock();
        }
    }
}
