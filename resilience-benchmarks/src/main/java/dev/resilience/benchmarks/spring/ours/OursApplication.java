package dev.resilience.benchmarks.spring.ours;

import dev.resilience.benchmarks.core.Configs;
import dev.resilience.benchmarks.spring.BootApps;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Boot application with our starter and one annotated service. Its breaker has the configuration of
 * {@link Configs#ours(boolean)} (count-based), set through {@code application} properties as a user would;
 * everything else is the starter's default (rejections without stack traces are the default).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class OursApplication {

    /** @return the annotated service */
    @Bean
    OursService oursService() {
        return new OursService();
    }

    /**
     * Starts the application without Resilience4j's auto-configurations.
     *
     * @return the running context
     */
    public static ConfigurableApplicationContext start() {
        String prefix = "resilience.circuitbreaker.instances.backend.";
        return BootApps.start(OursApplication.class, "io.github.resilience4j", Map.of(
                prefix + "sliding-window-type", "COUNT_BASED",
                prefix + "sliding-window-size", Configs.COUNT_WINDOW,
                prefix + "minimum-number-of-calls", Configs.MINIMUM_CALLS,
                prefix + "failure-rate-threshold", Configs.FAILURE_RATE,
                prefix + "wait-duration-in-open-state", Configs.OPEN_WAIT.toString(),
                prefix + "max-wait-duration-in-open-state", Configs.OPEN_WAIT.toString()));
    }
}
