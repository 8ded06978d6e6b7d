package dev.resilience.spring.http.client;

import static dev.resilience.spring.http.client.HttpClientTestContext.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.spring.autoconfigure.ResilienceEndpointAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceMetricsAutoConfiguration;
import dev.resilience.spring.http.client.Downstream.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.web.client.HttpServerErrorException;

class HttpClientObservabilityTests {

    private final Downstream downstream = new Downstream();

    HttpClientObservabilityTests() throws Exception {
    }

    @AfterEach
    void stop() {
        downstream.close();
    }

    @Test
    void perHostInstancesShowInTheEndpointAndAsMetersWithAKeyTag() {
        downstream.answer("/fail", Answer.status(503));
        HttpClientTestContext.runner()
                .withConfiguration(AutoConfigurations.of(ResilienceEndpointAutoConfiguration.class,
                        MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, ResilienceMetricsAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=resilience",
                        "resilience.http.client.retry.max-attempts=1",
                        "resilience.http.client.circuitbreaker.minimum-number-of-calls=1")
                .run(context -> {
                    assertThatThrownBy(() -> client(context, downstream.url("localhost")).get().uri("/fail")
                            .retrieve().body(String.class)).isInstanceOf(HttpServerErrorException.class);

                    Map<String, Map<String, Object>> patterns = context.getBean(ResilienceEndpoint.class).patterns();
                    assertThat(patterns.get("circuitBreakers")).containsKey("http-client[localhost]");
                    assertThat(patterns.get("bulkheads")).containsKey("http-client[localhost]");
                    assertThat(patterns.get("retries")).containsKey("http-client[localhost]");
                    assertThat(context.getBean(ResilienceEndpoint.class)
                            .instance("circuitbreakers", "http-client[localhost]")).containsEntry("state", "OPEN");

                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("resilience.circuitbreaker.state")
                            .tags("name", "http-client", "key", "localhost", "state", "open").gauge().value()).isEqualTo(1.0);
                    assertThat(meters.get("resilience.bulkhead.max.concurrent.calls")
                            .tags("name", "http-client", "key", "localhost").gauge().value()).isEqualTo(25.0);
                });
    }
}
