package dev.resilience.spring.http.client;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.spring.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.spring.autoconfigure.ResilienceHttpClientAutoConfiguration;
import dev.resilience.time.ManualClock;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.web.client.RestClient;

/** The application context the RestClient tests run in: the starter, Boot's RestClient support, a manual clock. */
final class HttpClientTestContext {

    private HttpClientTestContext() {
    }

    /** Enabled, retries without backoff (so only Retry-After tests wait), breakers that never open by default. */
    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                        ResilienceHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
                .withUserConfiguration(Clock.class)
                .withPropertyValues("resilience.http.client.enabled=true",
                        "resilience.http.client.retry.wait-duration=0s",
                        "resilience.http.client.retry.jitter=0",
                        "resilience.http.client.circuitbreaker.minimum-number-of-calls=100");
    }

    static RestClient client(AssertableApplicationContext context, String baseUrl) {
        return context.getBean(RestClient.Builder.class).baseUrl(baseUrl).build();
    }

    static ManualClock clock(AssertableApplicationContext context) {
        return context.getBean(ManualClock.class);
    }

    static CircuitBreaker breaker(AssertableApplicationContext context, String key) {
        return HttpClientTestContext.<CircuitBreaker>registry(context, CircuitBreaker.class)
                .find(new InstanceId(HttpClientInstances.NAME, key)).orElseThrow();
    }

    static Bulkhead bulkhead(AssertableApplicationContext context, String key) {
        return HttpClientTestContext.<Bulkhead>registry(context, Bulkhead.class)
                .find(new InstanceId(HttpClientInstances.NAME, key)).orElseThrow();
    }

    static Retry retry(AssertableApplicationContext context, String key) {
        return HttpClientTestContext.<Retry>registry(context, Retry.class)
                .find(new InstanceId(HttpClientInstances.NAME, key)).orElseThrow();
    }

    static <T> InstanceRegistry<T> registry(AssertableApplicationContext context, Class<T> type) {
        return context.<InstanceRegistry<T>>getBeanProvider(
                ResolvableType.forClassWithGenerics(InstanceRegistry.class, type)).getObject();
    }

    @Configuration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        ManualClock manualClock() {
            return new ManualClock();
        }
    }
}
