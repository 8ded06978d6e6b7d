package dev.resilience.spring.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceEndpointAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceMetricsAutoConfiguration;
import dev.resilience.time.ManualClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The current adaptive threshold and limit, as the endpoint and the gauges show them. */
class AdaptiveExposureTests {

    private static final String CB = "resilience.circuitbreaker.instances.";
    private static final String BH = "resilience.bulkhead.instances.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    ResilienceAutoConfiguration.class, ResilienceEndpointAutoConfiguration.class,
                    ResilienceMetricsAutoConfiguration.class))
            .withBean(ManualClock.class, ManualClock::new)
            .withPropertyValues("management.endpoints.web.exposure.include=resilience",
                    CB + "payments.sliding-window-size=10", CB + "payments.minimum-number-of-calls=10",
                    CB + "payments.adaptive.enabled=true", CB + "payments.adaptive.target-error-rate=20",
                    CB + "payments.adaptive.smoothing=1",
                    CB + "hosts.sliding-window-size=10", CB + "hosts.minimum-number-of-calls=10",
                    CB + "hosts.adaptive.enabled=true", CB + "hosts.adaptive.target-error-rate=30",
                    CB + "hosts.adaptive.smoothing=1",
                    CB + "fixed.sliding-window-size=10", CB + "fixed.minimum-number-of-calls=10",
                    BH + "inventory.max-concurrent-calls=10", BH + "inventory.adaptive.enabled=true",
                    BH + "inventory.adaptive.latency-threshold=100ms", BH + "inventory.adaptive.backoff-ratio=0.5",
                    BH + "plain.max-concurrent-calls=7");

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<CircuitBreaker> breakers(AssertableApplicationContext context) {
        return (InstanceRegistry<CircuitBreaker>) context.getBean("circuitBreakerRegistry");
    }

    @SuppressWarnings("unchecked")
    private static InstanceRegistry<Bulkhead> bulkheads(AssertableApplicationContext context) {
        return (InstanceRegistry<Bulkhead>) context.getBean("bulkheadRegistry");
    }

    private static void succeed(CircuitBreaker breaker, ManualClock clock, int times) {
        for (int i = 0; i < times; i++) {
            breaker.acquirePermit().onSuccess(clock.nanoTime());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(ResilienceEndpoint endpoint, String section, String name) {
        return (Map<String, Object>) endpoint.patterns().get(section).get(name);
    }

    @Test
    void theEndpointAndTheGaugeShowTheBreakersCurrentThreshold() {
        runner.run(context -> {
            ManualClock clock = context.getBean(ManualClock.class);
            ResilienceEndpoint endpoint = context.getBean(ResilienceEndpoint.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            succeed(breakers(context).get("payments"), clock, 10);
            succeed(breakers(context).get("fixed"), clock, 10);
            succeed(breakers(context).get("hosts", "a.example"), clock, 10);

            assertThat(section(endpoint, "circuitBreakers", "payments")).containsEntry("failureRateThreshold", 20.0f);
            assertThat(section(endpoint, "circuitBreakers", "hosts[a.example]")).containsEntry("failureRateThreshold", 30.0f);
            assertThat(section(endpoint, "circuitBreakers", "fixed")).doesNotContainKey("failureRateThreshold");
            assertThat(meters.get("resilience.circuitbreaker.failure.rate.threshold").tag("name", "payments").gauge()
                    .value()).isEqualTo(20.0);
            assertThat(meters.get("resilience.circuitbreaker.failure.rate.threshold").tags("name", "hosts", "key", "a.example")
                    .gauge().value()).isEqualTo(30.0);
            assertThat(meters.get("resilience.circuitbreaker.failure.rate.threshold").tag("name", "fixed").gauge()
                    .value()).as("the configured threshold").isEqualTo(50.0);

            Map<String, Object> config = (Map<String, Object>) endpoint.instance("circuitbreakers", "payments").get("config");
            assertThat(config).containsEntry("failureRateThreshold", 50.0f).containsEntry("adaptiveEnabled", true)
                    .containsEntry("adaptiveTargetErrorRate", 20.0f).containsEntry("adaptiveMinFailureRateThreshold", 10.0f)
                    .containsEntry("adaptiveMaxFailureRateThreshold", 90.0f).containsEntry("adaptiveSmoothing", 1.0);
        });
    }

    @Test
    void theEndpointAndTheGaugeShowTheBulkheadsCurrentLimit() {
        runner.run(context -> {
            ManualClock clock = context.getBean(ManualClock.class);
            ResilienceEndpoint endpoint = context.getBean(ResilienceEndpoint.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Bulkhead inventory = bulkheads(context).get("inventory");
            Bulkhead.Permit slow = inventory.acquirePermit();
            clock.advance(Duration.ofMillis(100));
            slow.release();

            assertThat(section(endpoint, "bulkheads", "inventory")).containsEntry("concurrencyLimit", 5)
                    .containsEntry("maxConcurrentCalls", 10);
            assertThat(section(endpoint, "bulkheads", "plain")).doesNotContainKey("concurrencyLimit");
            assertThat(meters.get("resilience.bulkhead.concurrency.limit").tag("name", "inventory").gauge().value())
                    .isEqualTo(5.0);
            assertThat(meters.get("resilience.bulkhead.concurrency.limit").tag("name", "plain").gauge().value())
                    .isEqualTo(7.0);

            Map<String, Object> config = (Map<String, Object>) endpoint.instance("bulkheads", "inventory").get("config");
            assertThat(config).containsEntry("adaptiveEnabled", true).containsEntry("adaptiveAlgorithm", "AIMD")
                    .containsEntry("adaptiveMinConcurrentCalls", 1).containsEntry("adaptiveLatencyThreshold", "PT0.1S")
                    .containsEntry("adaptiveBackoffRatio", 0.5).containsEntry("adaptiveSmoothing", 0.2);
        });
    }
}
