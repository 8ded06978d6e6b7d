package dev.resilience.benchmarks.spring.r4j;

import dev.resilience.benchmarks.core.Configs;
import dev.resilience.benchmarks.spring.BootApps;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Boot application with Resilience4j's Spring Boot 4 starter and one annotated service. Its breaker has
 * the configuration of {@link Configs#r4j(boolean, boolean)} (count-based, default synchronization), set
 * through {@code application} properties as a user would; everything else is Resilience4j's default.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class R4jApplication {

    /** @return the annotated service */
    @Bean
    R4jService r4jService() {
        return new R4jService();
    }

    /**
     * Starts the application without our auto-configurations.
     *
     * @return the running context
     */
    public static ConfigurableApplicationContext start() {
        String prefix = "resilience4j.circuitbreaker.instances.backend.";
        return BootApps.start(R4jApplication.class, "dev.resilience", Map.of(
                prefix + "sliding-window-type", "COUNT_BASED",
                prefix + "sliding-window-size", Configs.COUNT_WINDOW,
                prefix + "minimum-number-of-calls", Configs.MINIMUM_CALLS,
                prefix + "failure-rate-threshold", Configs.FAILURE_RATE,
                prefix + "wait-duration-in-open-state", Configs.OPEN_WAIT.toString(),
                prefix + "writable-stack-trace-enabled", false));
    }
}
