package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.EnvironmentRefreshListener;
import dev.resilience.spring.config.LiveReconfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.core.ResolvableType;

class ResilienceLiveAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                    ResilienceLiveAutoConfiguration.class));

    @Test
    void reconfiguresInstancesOfEveryPatternThroughOneService() {
        runner.run(context -> {
            LiveReconfiguration live = context.getBean(LiveReconfiguration.class);
            InstanceRegistry<RateLimiter> limiters = context.<InstanceRegistry<RateLimiter>>getBeanProvider(
                    ResolvableType.forClassWithGenerics(InstanceRegistry.class, RateLimiter.class)).getObject();
            InstanceRegistry<CircuitBreaker> breakers = context.<InstanceRegistry<CircuitBreaker>>getBeanProvider(
                    ResolvableType.forClassWithGenerics(InstanceRegistry.class, CircuitBreaker.class)).getObject();
            RateLimiter limiter = limiters.get("search");
            CircuitBreaker breaker = breakers.get("payments");

            assertThat(live.reconfigure(RateLimiter.class, "search", Map.of("limitForPeriod", "7"), "ops")).isTrue();
            assertThat(live.reconfigure(CircuitBreaker.class, "payments", Map.of("failureRateThreshold", 25), "ops"))
                    .isTrue();
            assertThat(live.reconfigure(CircuitBreaker.class, "nobody", Map.of("failureRateThreshold", 25), "ops"))
                    .isFalse();

            assertThat(limiter.config().limitForPeriod()).isEqualTo(7);
            assertThat(breaker.config().failureRateThreshold()).isEqualTo(25);
        });
    }

    @Test
    void listensToEnvironmentChangesWhenSpringCloudContextIsPresent() {
        runner.run(context -> assertThat(context).hasSingleBean(EnvironmentRefreshListener.class));
    }

    @Test
    void startsWithoutSpringCloudContext() {
        runner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(LiveReconfiguration.class)
                        .doesNotHaveBean(EnvironmentRefreshListener.class));
    }
}
