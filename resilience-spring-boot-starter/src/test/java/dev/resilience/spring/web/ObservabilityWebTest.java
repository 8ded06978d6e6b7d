package dev.resilience.spring.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one web context the observability web tests share (Spring caches it across classes): endpoint
 * writes allowed, health details shown and DOWN on an open breaker, Prometheus exported
 * ({@link AutoConfigureMetrics}, since the actuator test starter turns export off in tests). Bulkheads have
 * one slot and a queue of one with a 2s wait, rate limiters two permits per second; one of each is declared
 * under {@code instances}. Tests use their own instance names, as the context is shared.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ObservabilityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=resilience,health,prometheus",
        "management.endpoint.resilience.access=unrestricted",
        "management.endpoint.health.show-details=always",
        "resilience.health.down-on-open=true",
        "resilience.bulkhead.defaults.max-concurrent-calls=1",
        "resilience.bulkhead.defaults.max-queue-size=1",
        "resilience.bulkhead.defaults.max-wait-duration=2s",
        "resilience.bulkhead.instances.declared-bulkhead.max-concurrent-calls=3",
        "resilience.ratelimiter.defaults.limit-for-period=2",
        "resilience.ratelimiter.instances.declared-limiter.limit-for-period=5" })
@AutoConfigureRestTestClient
@AutoConfigureMetrics
@interface ObservabilityWebTest {
}
